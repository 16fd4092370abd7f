import type * as tfjs from '@tensorflow/tfjs';
import type { BatchSource } from '@/engine/data/batch-source';
import { type Bounds, boundsOf, type DecisionGrid, decisionGrid } from '@/engine/inspect/decision-grid';
import { type LayerHistogram, weightHistograms } from '@/engine/inspect/histogram';

/** Cells per side of the live decision boundary: 48 × 48 = 2,304 predictions an epoch. */
export const GRID_SIZE = 48;
/** Training points drawn over the boundary. */
const POINTS = 400;

/** The training points of a 2-D set drawn over its boundary: x, y pairs and their classes. */
export interface PlanePoints {
  xy: Float32Array;
  classes: Uint8Array;
  /** The class names, by index. */
  names: string[];
}

/** What the training worker posts after each epoch, besides the figures: small enough for every epoch. */
export interface EpochViews {
  epoch: number;
  histograms: LayerHistogram[];
  /** Only for a classifier of 2-D points (spiral, xor, circles, gaussians, a two-column table). */
  grid: DecisionGrid | null;
}

/** Whether the set is 2-D points with classes, the case a decision boundary is drawn for. */
export function isPlaneSet(source: BatchSource): boolean {
  return source.featureShape.length === 1 && source.featureShape[0] === 2 && (source.classes?.length ?? 0) >= 2;
}

/** The first training points of a 2-D set and the area the boundary covers. */
export async function planeOf(source: BatchSource): Promise<{ points: PlanePoints; bounds: Bounds } | null> {
  if (!isPlaneSet(source)) return null;
  for await (const batch of source.batches('train', { batchSize: POINTS, shuffleSeed: 7 })) {
    const xy = batch.features.slice(0, batch.size * 2);
    const classes = Uint8Array.from(batch.labels.slice(0, batch.size));
    return { points: { xy, classes, names: source.classes ?? [] }, bounds: boundsOf(xy) };
  }
  return null;
}

/** The epoch's histograms and, for a 2-D set, its decision grid over `bounds`. */
export function epochViews(tf: typeof tfjs, model: tfjs.LayersModel, epoch: number, bounds: Bounds | null): EpochViews {
  return { epoch, histograms: weightHistograms(model), grid: bounds ? decisionGrid(tf, model, bounds, GRID_SIZE) : null };
}
