import { type ApiResult, decodeAnswer, urlOf } from '@/components/ui/api';
import * as predictRoutes from '@/server/predict/routes';
import type { Predictions } from '@/server/predict/schemas';

/** What a predict request carries: an image's bytes, rows of values, or texts. */
export type PredictBody = Blob | { rows: number[][] } | { texts: string[] };

/** Sends one predict request (an image's bytes, or JSON rows or texts) and decodes the answer with the route's contract. */
export async function requestPrediction(runId: string, input: PredictBody, top = 5): Promise<ApiResult<Predictions>> {
  const url = urlOf(predictRoutes.predictRun, { params: { runId }, query: { top } });
  const isImage = input instanceof Blob;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': isImage ? input.type || 'application/octet-stream' : 'application/json' },
      body: isImage ? input : JSON.stringify(input),
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'Could not reach the server. Check your connection and try again.' };
  }
  return decodeAnswer(predictRoutes.predictRun, response.status, await response.text());
}
