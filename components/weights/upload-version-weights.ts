import type { PendingWeights } from '@/components/editor/imported-weights';
import { type ApiResult, decodeAnswer, urlOf } from '@/components/ui/api';
import { encodeWeightsBundle } from '@/engine/train/weights-bundle';
import * as weightRoutes from '@/server/weights/routes';
import type { VersionWeights } from '@/server/weights/schemas';

/** Stores packed weights with a saved version (one body: manifest line + weights.bin, see weights-bundle.ts). */
export async function uploadVersionWeights(projectId: string, number: number, weights: PendingWeights): Promise<ApiResult<VersionWeights>> {
  const route = weightRoutes.uploadVersionWeights;
  const body = encodeWeightsBundle(weights);
  try {
    const response = await fetch(urlOf(route, { params: { projectId, number } }), {
      method: route.method,
      headers: { 'content-type': 'application/octet-stream' },
      body: body as BodyInit,
    });
    return decodeAnswer(route, response.status, await response.text());
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'Could not reach the server to store the weights. Save again to retry.' };
  }
}
