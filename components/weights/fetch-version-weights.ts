import type * as tfjs from '@tensorflow/tfjs';
import { call, urlOf } from '@/components/ui/api';
import type { PackedWeights } from '@/engine/train/packed-weights';
import * as weightRoutes from '@/server/weights/routes';

/** A saved version's weights with their bytes (null: it has none), for exports made in the browser. */
export async function fetchVersionWeights(projectId: string, number: number): Promise<PackedWeights | null> {
  const answer = await call(weightRoutes.versionWeights, { params: { projectId, number } });
  if (!answer.ok) throw new Error(answer.message);
  const weights = answer.data.weights;
  if (!weights) return null;
  const response = await fetch(urlOf(weightRoutes.versionWeightsBin, { params: { projectId, number } }));
  if (!response.ok) throw new Error(`The weights of version ${number} could not be read (${response.status}).`);
  return {
    data: new Uint8Array(await response.arrayBuffer()),
    specs: weights.specs as tfjs.io.WeightsManifestEntry[],
    layerNodes: weights.layerNodes,
  };
}
