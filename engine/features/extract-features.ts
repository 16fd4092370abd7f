import type * as tfjs from '@tensorflow/tfjs';
import type { Batch, BatchSource, SplitName } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import { macrotask } from '../train/macrotask';
import type { InputFit } from './fit-input';

/** Where an extraction is: samples done of the split's total. */
export interface ExtractProgress {
  split: SplitName;
  done: number;
  total: number;
}

export interface ExtractOptions {
  batchSize: number;
  /** At most this many samples (a sample of the split, with `shuffleSeed` drawn at random). */
  limit?: number;
  /** Reads the split shuffled with this seed (a limited sample then covers every class). */
  shuffleSeed?: number;
  /** Called after every batch. */
  progress?: (p: ExtractProgress) => void | Promise<void>;
  /** Checked between batches: true stops the extraction (what was done so far is kept). */
  shouldStop?: () => boolean;
}

/**
 * Streams one split of a dataset through a feature model, batch by batch (memory holds one batch of
 * images and the features so far, never the split's images), and hands each batch with its feature
 * rows to `each`. Yields to the event loop between batches, so a worker still renews its lease and
 * hears a cancel. Returns how many samples went through and whether it was stopped.
 */
export async function extractFeatures(
  tf: Tf,
  features: tfjs.LayersModel,
  fit: Extract<InputFit, { ok: true }>,
  source: BatchSource,
  split: SplitName,
  options: ExtractOptions,
  each: (batch: Batch, rows: Float32Array[]) => void | Promise<void>,
): Promise<{ done: number; stopped: boolean }> {
  const total = Math.min(source.count(split), options.limit ?? Number.POSITIVE_INFINITY);
  let done = 0;
  const batches = source.batches(split, {
    batchSize: options.batchSize,
    ...(options.shuffleSeed !== undefined ? { shuffleSeed: options.shuffleSeed } : {}),
  });
  for await (const whole of batches) {
    if (done >= total) break;
    if (options.shouldStop?.()) return { done, stopped: true };
    const batch = whole.size <= total - done ? whole : cutBatch(whole, total - done, source);
    const out = tf.tidy(() => {
      const x = fit.adapt(tf, tf.tensor(batch.features, [batch.size, ...source.featureShape]));
      const y = features.predict(x) as tfjs.Tensor;
      return y.reshape([batch.size, -1]);
    });
    const flat = (await out.data()) as Float32Array;
    const width = out.shape[1] as number;
    out.dispose();
    const rows = Array.from({ length: batch.size }, (_, i) => flat.slice(i * width, (i + 1) * width));
    await each(batch, rows);
    done += batch.size;
    await options.progress?.({ split, done, total });
    await macrotask();
  }
  return { done, stopped: false };
}

/** The first `size` samples of a batch. */
function cutBatch(batch: Batch, size: number, source: BatchSource): Batch {
  const width = source.featureShape.reduce((a, b) => a * b, 1);
  return { size, features: batch.features.slice(0, size * width), labels: batch.labels.slice(0, size * source.labelSize) };
}
