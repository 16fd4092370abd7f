import type { InMemoryDataset } from '../data/dataset';
import { SPLIT } from '../data/dataset';
import { type Box, labelToBoxes } from './detection-boxes';
import { classAp, type MatchedDetection, matchDetections, meanOfKnown } from './detection-map';

/** mAP@0.5 and mAP@0.5:0.95, as the detection evaluation reports them. */
export interface MapFigures {
  mapAt50: number;
  mapAt50To95: number;
}

/** The mean of some numbers. */
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The figure a detector must beat to have learnt to look: per class, the one box of the training
 * split's average centre and size, guessed on every test image that does not look at its pixels,
 * scored with the same COCO matching as a trained detector. On sets whose objects fill the middle of
 * the picture (the raccoons) this guess alone reaches a high mAP@0.5, so a detector's figure means
 * little without it beside.
 */
export function meanBoxBaseline(dataset: InMemoryDataset): MapFigures {
  const boxesOf = (split: number) =>
    Array.from(dataset.split.keys())
      .filter((i) => dataset.split[i] === split)
      .map((i) => labelToBoxes(dataset.labels.subarray(i * dataset.labelSize, (i + 1) * dataset.labelSize)));
  const train = boxesOf(SPLIT.train).flat();
  const test = boxesOf(SPLIT.test);
  const classes = Math.max(1, dataset.classes?.length ?? 1);
  const ap50: (number | null)[] = [];
  const ap: (number | null)[] = [];
  for (let c = 0; c < classes; c++) {
    const seen = train.filter((b) => b.classIndex === c);
    const truths = test.map((boxes) => boxes.filter((b) => b.classIndex === c));
    const truthCount = truths.reduce((n, boxes) => n + boxes.length, 0);
    // A class never seen in training gets no guess: its AP is 0 when the test split holds it.
    const guess = seen.length ? meanBox(c, seen) : null;
    const found: MatchedDetection[] = guess ? truths.flatMap((boxes) => matchDetections(boxes, [{ ...guess, score: 1 }])) : [];
    const figures = classAp(found, truthCount);
    ap50.push(figures.ap50);
    ap.push(figures.ap);
  }
  return { mapAt50: meanOfKnown(ap50), mapAt50To95: meanOfKnown(ap) };
}

/** The box of these boxes' average centre and size. */
function meanBox(classIndex: number, boxes: Box[]): Box {
  const width = mean(boxes.map((b) => b.width));
  const height = mean(boxes.map((b) => b.height));
  const x = mean(boxes.map((b) => b.x + b.width / 2)) - width / 2;
  const y = mean(boxes.map((b) => b.y + b.height / 2)) - height / 2;
  return { classIndex, x, y, width, height };
}
