import { urlOf } from '@/components/ui/api';
import * as trainingRoutes from '@/server/training/routes';
import type { DatasetLocation } from './dataset-endpoints';
import { fetchBatch } from './http-batch-source';

export interface Proposal {
  cls: number;
  confidence: number;
}

/**
 * Proposes a class for every unlabelled sample of a version with a trained run's model
 * (a TF.js model.json whose weights are its run's weights.bin), reading the samples in pages
 * through the batches endpoint.
 */
export async function prelabel(
  runId: string,
  at: DatasetLocation,
  total: number,
  onProgress: (done: number) => void,
): Promise<Map<number, Proposal>> {
  const tf = await import('@tensorflow/tfjs');
  await tf.ready();
  const model = await tf.loadLayersModel(urlOf(trainingRoutes.runModel, { params: { runId } }));
  const inputShape = (model.inputs[0]?.shape ?? []).slice(1);
  const proposals: Array<Proposal> = [];
  try {
    for (let offset = 0; offset < total; offset += 64) {
      const batch = await fetchBatch(at, { split: 'unlabelled', offset, limit: 64 });
      const width = batch.features.length / Math.max(batch.size, 1);
      const expected = inputShape.reduce<number>((a, b) => a * (b ?? 1), 1);
      if (width !== expected)
        throw new Error(`The model expects inputs of shape [${inputShape.join(', ')}]; these samples have ${width} values.`);
      const scores = tf.tidy(() => {
        const x = tf.tensor(batch.features, [batch.size, ...(inputShape as number[])]);
        return model.predict(x) as import('@tensorflow/tfjs').Tensor;
      });
      const values = (await scores.array()) as number[][];
      scores.dispose();
      for (const row of values) {
        let best = 0;
        for (let k = 1; k < row.length; k++) if ((row[k] as number) > (row[best] as number)) best = k;
        proposals.push({ cls: best, confidence: row[best] as number });
      }
      onProgress(Math.min(total, offset + batch.size));
    }
  } finally {
    model.dispose();
  }
  return new Map(proposals.map((p, i) => [i, p]));
}
