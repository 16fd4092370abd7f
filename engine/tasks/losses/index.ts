import { binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy } from './cross-entropy';
import { centroidFocal, centroidFocalGiou } from './detection';
import { huberLoss, meanAbsoluteError, meanSquaredError } from './distance';
import { dice } from './overlap';
import { ssim } from './similarity';
import type { AnyLossSpec } from './spec';

/**
 * Every loss a graph document can name, keyed by its stable id, in the order the Train page offers
 * them. Adding a loss means one `defineLoss` (in the file of its family) and one line here; the
 * tasks that offer it list it in their spec.
 */
export const LOSSES = {
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  binaryCrossentropy,
  meanSquaredError,
  meanAbsoluteError,
  huberLoss,
  dice,
  ssim,
  centroidFocal,
  centroidFocalGiou,
} satisfies Record<string, AnyLossSpec>;

/** The id of a registered loss, as graph documents store it. */
export type LossId = keyof typeof LOSSES;

/** The loss ids, for `z.enum` (graph documents store them). */
export const LOSS_IDS = Object.keys(LOSSES) as [LossId, ...LossId[]];

const byId: ReadonlyMap<string, AnyLossSpec> = new Map(Object.entries(LOSSES));

/** The spec of a registered loss, or `undefined` for ids this build does not know. */
export function lossSpec(id: string): AnyLossSpec | undefined {
  return byId.get(id);
}

/** Every registered loss, in registry order. */
export function allLossSpecs(): AnyLossSpec[] {
  return [...byId.values()];
}
