import type { Batch, SplitName } from '../data/batch-source';
import type { EvaluationContext, Evaluator } from './spec';

/** How well a segmentation model's masks match the truth on a split: IoU per class, and a few samples. */
export interface SegmentationEvaluation {
  kind: 'segmentation';
  split: SplitName;
  classes: string[];
  /** Intersection over union per class over the whole split; null for a class in neither mask. */
  perClass: { label: string; iou: number | null; pixels: number }[];
  /** The mean of the per-class IoUs that are known. */
  meanIou: number;
  /** Share of pixels given their true class. */
  pixelAccuracy: number;
  count: number;
  /** The first samples: picture, true mask and predicted mask (class per pixel), to draw side by side. */
  samples: { features: number[]; truth: number[]; predicted: number[] }[];
  featureShape: number[];
}

/**
 * The predicted class of each pixel of one sample's output: the channel with the highest score, or
 * for one sigmoid channel foreground (1) from 0.5 up.
 */
export function predictedMask(output: Float32Array, channels: number): Int32Array {
  const pixels = output.length / channels;
  const mask = new Int32Array(pixels);
  for (let p = 0; p < pixels; p++) {
    if (channels === 1) {
      mask[p] = (output[p] as number) >= 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < channels; c++) if ((output[p * channels + c] as number) > (output[p * channels + best] as number)) best = c;
    mask[p] = best;
  }
  return mask;
}

/** Counts, per class, pixels in both masks and in either, as batches stream by. */
export function segmentationEvaluator(context: EvaluationContext): Evaluator<SegmentationEvaluation> {
  const classes = context.classes ?? ['background', 'object'];
  const channels = context.outputUnits;
  const pixels = context.labelSize;
  // One sigmoid channel tells foreground from background: every non-zero class counts as the object.
  const binary = channels === 1;
  const scored = binary ? ['background', classes.length === 2 ? (classes[1] as string) : 'object'] : classes;
  const inter = new Float64Array(scored.length);
  const union = new Float64Array(scored.length);
  const truthPixels = new Float64Array(scored.length);
  const samples: SegmentationEvaluation['samples'] = [];
  const width = context.featureShape.reduce((a, b) => a * b, 1);
  let right = 0;
  let total = 0;
  let count = 0;
  return {
    add(batch: Batch, predictions: Float32Array) {
      for (let i = 0; i < batch.size; i++) {
        const guess = predictedMask(predictions.subarray(i * pixels * channels, (i + 1) * pixels * channels), channels);
        const truth = batch.labels.subarray(i * pixels, (i + 1) * pixels);
        for (let p = 0; p < pixels; p++) {
          const t = binary ? Math.min(1, truth[p] as number) : (truth[p] as number);
          const g = guess[p] as number;
          truthPixels[t] = (truthPixels[t] ?? 0) + 1;
          if (t === g) {
            right++;
            inter[t] = (inter[t] ?? 0) + 1;
            union[t] = (union[t] ?? 0) + 1;
          } else {
            union[t] = (union[t] ?? 0) + 1;
            union[g] = (union[g] ?? 0) + 1;
          }
          total++;
        }
        if (samples.length < Math.min(context.samples, 8)) {
          samples.push({
            features: Array.from(batch.features.subarray(i * width, (i + 1) * width)),
            truth: Array.from(truth, (t) => (binary ? Math.min(1, t) : t)),
            predicted: Array.from(guess),
          });
        }
        count++;
      }
    },
    result() {
      const perClass = scored.map((label, c) => ({
        label,
        iou: (union[c] as number) > 0 ? (inter[c] as number) / (union[c] as number) : null,
        pixels: truthPixels[c] as number,
      }));
      const known = perClass.map((p) => p.iou).filter((v): v is number => v !== null);
      return {
        kind: 'segmentation',
        split: context.split,
        classes: scored,
        perClass,
        meanIou: known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0,
        pixelAccuracy: total ? right / total : 0,
        count,
        samples,
        featureShape: context.featureShape,
      };
    },
  };
}
