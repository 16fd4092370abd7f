import { type Box, boxIou, type ScoredBox } from './detection-boxes';

/** The IoU thresholds of mAP@0.5:0.95: 0.50, 0.55, … 0.95 (as COCO defines it). */
export const IOU_THRESHOLDS: readonly number[] = Array.from({ length: 10 }, (_, i) => Math.round((0.5 + i * 0.05) * 100) / 100);

/** One detection of a class with, per IoU threshold, whether it found an object not found before. */
export interface MatchedDetection {
  score: number;
  /** One flag per threshold of {@link IOU_THRESHOLDS}. */
  hits: boolean[];
}

/**
 * Matches one image's detections of one class to its true boxes of that class, as COCO does: best
 * score first, each takes the unmatched true box it overlaps most, if that IoU reaches the
 * threshold; a detection that takes none is a false positive. Done once per threshold.
 */
export function matchDetections(truths: readonly Box[], detections: readonly ScoredBox[], thresholds = IOU_THRESHOLDS): MatchedDetection[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const ious = sorted.map((d) => truths.map((t) => boxIou(d, t)));
  const hits = sorted.map(() => thresholds.map(() => false));
  thresholds.forEach((threshold, k) => {
    const taken = truths.map(() => false);
    sorted.forEach((_, i) => {
      let best = -1;
      let bestIou = threshold;
      (ious[i] as number[]).forEach((iou, j) => {
        if (!taken[j] && iou >= bestIou) {
          best = j;
          bestIou = iou;
        }
      });
      if (best >= 0) {
        taken[best] = true;
        (hits[i] as boolean[])[k] = true;
      }
    });
  });
  return sorted.map((d, i) => ({ score: d.score, hits: hits[i] as boolean[] }));
}

/** Precision and recall after each detection, best score first, at one threshold. */
export function precisionRecall(
  detections: readonly MatchedDetection[],
  truthCount: number,
  k = 0,
): { precision: number[]; recall: number[] } {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const precision: number[] = [];
  const recall: number[] = [];
  let tp = 0;
  sorted.forEach((d, i) => {
    if (d.hits[k]) tp++;
    precision.push(tp / (i + 1));
    recall.push(truthCount > 0 ? tp / truthCount : 0);
  });
  return { precision, recall };
}

/**
 * Average precision at threshold `k` by COCO's 101-point interpolation: the mean, over recall levels
 * 0, 0.01, … 1, of the best precision reached at that recall or beyond (0 where it is never reached).
 * `null` for a class with no true boxes, which mAP leaves out.
 */
export function averagePrecision(detections: readonly MatchedDetection[], truthCount: number, k = 0): number | null {
  if (truthCount === 0) return null;
  const { precision, recall } = precisionRecall(detections, truthCount, k);
  // The precision envelope: from the right, each point takes the best precision to its right.
  for (let i = precision.length - 2; i >= 0; i--) precision[i] = Math.max(precision[i] as number, precision[i + 1] as number);
  let sum = 0;
  let at = 0;
  for (let r = 0; r <= 100; r++) {
    const level = r / 100;
    while (at < recall.length && (recall[at] as number) < level - 1e-12) at++;
    sum += at < precision.length ? (precision[at] as number) : 0;
  }
  return sum / 101;
}

/** AP at IoU 0.5, and averaged over 0.5:0.95, of one class. */
export function classAp(detections: readonly MatchedDetection[], truthCount: number): { ap50: number | null; ap: number | null } {
  const ap50 = averagePrecision(detections, truthCount, 0);
  if (ap50 === null) return { ap50: null, ap: null };
  const all = IOU_THRESHOLDS.map((_, k) => averagePrecision(detections, truthCount, k) as number);
  return { ap50, ap: all.reduce((a, b) => a + b, 0) / all.length };
}

/** The mean of the known values (classes without true boxes left out); 0 when none is known. */
export function meanOfKnown(values: readonly (number | null)[]): number {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
}
