import type { LayerFacts } from './layer-facts';
import { nearEqual } from './near-equal';

const sameShape = (a: LayerFacts, b: LayerFacts) => a.outputShape !== null && nearEqual(a.outputShape, b.outputShape);

/**
 * How alike two layers of different files are, or `null` when they cannot be the same layer. The
 * same kind of layer is required, except that two layers with the same number of weights and the
 * same output may match across types (a layer one importer reproduces and another keeps as a
 * placeholder). Parameters, weight count, output shape, fan-in and fan-out and the name each add to
 * the score, so among several convolutions the one that looks most alike wins.
 *
 * @example
 * similarity(conv64, conv64OtherFile); // 13.5: same type, settings, weights, shape, neighbours and name
 */
export function similarity(a: LayerFacts, b: LayerFacts): number | null {
  let score: number;
  if (a.canonical.type === b.canonical.type) score = 4;
  else if (a.params !== null && a.params > 0 && a.params === b.params && sameShape(a, b)) score = 1;
  else return null;
  const keys = [...new Set([...Object.keys(a.canonical.params), ...Object.keys(b.canonical.params)])];
  const equalKeys = keys.filter((k) => nearEqual(a.canonical.params[k], b.canonical.params[k])).length;
  score += keys.length === 0 ? 2 : (2 * equalKeys) / keys.length;
  if (a.params !== null && a.params === b.params) score += a.params > 0 ? 2 : 1;
  if (sameShape(a, b)) score += 2;
  if (a.inputs.length === b.inputs.length) score += 0.5;
  if (a.outputs.length === b.outputs.length) score += 0.5;
  if (a.nameKey === b.nameKey) score += 3;
  return score;
}
