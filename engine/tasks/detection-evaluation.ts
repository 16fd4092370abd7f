import type { Batch, SplitName } from '../data/batch-source';
import { type Box, labelToBoxes, type ScoredBox } from './detection-boxes';
import { DEFAULT_DECODE, decodeGrid } from './detection-decode';
import { gridSize } from './detection-grid';
import { classAp, type MatchedDetection, matchDetections, meanOfKnown, precisionRecall } from './detection-map';
import type { EvaluationContext, Evaluator } from './spec';

/** How well a detector finds the objects of a split: mAP, AP and a precision–recall curve per class, the worst images. */
export interface DetectionEvaluation {
  kind: 'detection';
  split: SplitName;
  classes: string[];
  /** Mean over classes of AP at IoU 0.5. */
  mapAt50: number;
  /** Mean over classes of AP averaged over IoU 0.5, 0.55, … 0.95. */
  mapAt50To95: number;
  perClass: {
    label: string;
    ap50: number | null;
    ap: number | null;
    /** True boxes of the class in the split. */
    truths: number;
    /** Precision against recall at IoU 0.5, as the score threshold falls (at most 60 points). */
    curve: { recall: number[]; precision: number[] };
  }[];
  count: number;
  /** The images the model did worst on, worst first: picture, true boxes and found boxes with scores. */
  samples: { features: number[]; truth: Box[]; predicted: ScoredBox[]; quality: number }[];
  featureShape: number[];
}

/** Score from which a found box counts when judging one image (the view's slider starts there too). */
export const SAMPLE_SCORE = 0.3;
const CURVE_POINTS = 60;

/**
 * How well one image went, 0–1: twice the boxes found (IoU ≥ 0.5, score ≥ {@link SAMPLE_SCORE})
 * over the true boxes plus the boxes given — 1 when every object is found and nothing else is.
 */
export function imageQuality(truths: readonly Box[], predicted: readonly ScoredBox[]): number {
  const given = predicted.filter((p) => p.score >= SAMPLE_SCORE);
  if (truths.length + given.length === 0) return 1;
  let found = 0;
  for (const c of new Set(truths.map((t) => t.classIndex))) {
    const matched = matchDetections(
      truths.filter((t) => t.classIndex === c),
      given.filter((p) => p.classIndex === c),
      [0.5],
    );
    found += matched.filter((m) => m.hits[0]).length;
  }
  return (2 * found) / (truths.length + given.length);
}

/** Decodes each image's grid, matches its boxes per class and keeps the worst images, as batches stream by. */
export function detectionEvaluator(context: EvaluationContext): Evaluator<DetectionEvaluation> {
  const { tf } = context;
  if (!tf) throw new Error('Evaluating a detector needs the TF.js namespace (for non-maximum suppression).');
  const classes = context.classes ?? ['object'];
  const [height = 1, width = 1] = context.featureShape;
  const { rows, cols } = gridSize(height, width);
  const perImage = rows * cols * context.outputUnits;
  const pixels = context.featureShape.reduce((a, b) => a * b, 1);
  const detections = classes.map((): MatchedDetection[] => []);
  const truthCounts = classes.map(() => 0);
  // Pictures are stored with the result: fewer of them when they are large (a 128×128 colour one is 49,152 values).
  const keep = Math.max(4, Math.min(context.samples, 12, Math.floor(400_000 / pixels)));
  const samples: DetectionEvaluation['samples'] = [];
  let count = 0;
  return {
    add(batch: Batch, predictions: Float32Array) {
      const labelSize = batch.labels.length / batch.size;
      for (let i = 0; i < batch.size; i++) {
        const truth = labelToBoxes(batch.labels.subarray(i * labelSize, (i + 1) * labelSize)).filter((b) => b.classIndex < classes.length);
        const predicted = decodeGrid(tf, predictions.subarray(i * perImage, (i + 1) * perImage), rows, cols, DEFAULT_DECODE);
        classes.forEach((_, c) => {
          const truths = truth.filter((t) => t.classIndex === c);
          truthCounts[c] = (truthCounts[c] as number) + truths.length;
          (detections[c] as MatchedDetection[]).push(
            ...matchDetections(
              truths,
              predicted.filter((p) => p.classIndex === c),
            ),
          );
        });
        const quality = imageQuality(truth, predicted);
        const best = samples.reduce((at, s, k) => (at < 0 || s.quality > (samples[at] as { quality: number }).quality ? k : at), -1);
        if (samples.length < keep || (best >= 0 && quality < (samples[best] as { quality: number }).quality)) {
          const sample = { features: Array.from(batch.features.subarray(i * pixels, (i + 1) * pixels)), truth, predicted, quality };
          if (samples.length < keep) samples.push(sample);
          else samples[best] = sample;
        }
        count++;
      }
    },
    result() {
      const perClass = classes.map((label, c) => {
        const found = detections[c] as MatchedDetection[];
        const truths = truthCounts[c] as number;
        const { ap50, ap } = classAp(found, truths);
        return { label, ap50, ap, truths, curve: thinCurve(precisionRecall(found, truths)) };
      });
      return {
        kind: 'detection',
        split: context.split,
        classes,
        mapAt50: meanOfKnown(perClass.map((p) => p.ap50)),
        mapAt50To95: meanOfKnown(perClass.map((p) => p.ap)),
        perClass,
        count,
        samples: samples.sort((a, b) => a.quality - b.quality),
        featureShape: context.featureShape,
      };
    },
  };
}

/** At most {@link CURVE_POINTS} evenly spaced points of a curve, the last one kept. */
function thinCurve(curve: { recall: number[]; precision: number[] }): { recall: number[]; precision: number[] } {
  const n = curve.recall.length;
  if (n <= CURVE_POINTS) return curve;
  const picks = Array.from({ length: CURVE_POINTS }, (_, k) => Math.round((k * (n - 1)) / (CURVE_POINTS - 1)));
  return { recall: picks.map((i) => curve.recall[i] as number), precision: picks.map((i) => curve.precision[i] as number) };
}
