import type * as tfjs from '@tensorflow/tfjs';
import type { BatchSource, SplitName } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import { batchTensors, type TargetShape } from './batch-tensors';
import { metricName } from './epoch-record';

/**
 * Loss and metrics of a compiled model over one split of a source, streamed batch by batch and
 * averaged per sample (what `model.evaluate` on the whole split would give). Keys as NetCanvas shows
 * them (`loss`, `accuracy`…). Empty when the split has no samples.
 */
export async function evaluateSource(
  tf: Tf,
  model: tfjs.LayersModel,
  source: BatchSource,
  split: SplitName,
  target: TargetShape,
  batchSize = 256,
): Promise<Record<string, number>> {
  if (source.count(split) === 0) return {};
  const names = model.metricsNames.map(metricName);
  const sums = new Array<number>(names.length).fill(0);
  let seen = 0;
  for await (const batch of source.batches(split, { batchSize })) {
    const { x, y } = batchTensors(tf, batch, source.featureShape, target);
    const result = model.evaluate(x, y, { batchSize: batch.size });
    const scalars = Array.isArray(result) ? result : [result];
    for (let i = 0; i < scalars.length; i++) sums[i] = (sums[i] ?? 0) + ((await (scalars[i] as tfjs.Scalar).data())[0] ?? 0) * batch.size;
    tf.dispose([x, y, ...scalars]);
    seen += batch.size;
  }
  const out: Record<string, number> = {};
  names.forEach((name, i) => {
    out[name] = (sums[i] ?? 0) / Math.max(seen, 1);
  });
  return out;
}

/** `loss` → `valLoss`, `accuracy` → `testAccuracy`… */
export function prefixed(prefix: 'val' | 'test', metrics: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(metrics)) out[`${prefix}${key[0]?.toUpperCase()}${key.slice(1)}`] = value;
  return out;
}
