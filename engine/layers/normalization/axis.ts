import type { LayerIssue } from '../../diagnostics';
import type { Shape } from '../../shape';

/**
 * Resolves a (possibly negative) axis against the input rank and checks that it names a feature axis
 * whose size is known, which both normalisation layers need to create their per-feature weights.
 */
export function featureAxis(shape: Shape, axis: number, what: string, field = 'axis'): number | LayerIssue {
  const resolved = axis < 0 ? axis + shape.length : axis;
  if (resolved < 0 || resolved >= shape.length) {
    return {
      code: 'invalid_param',
      field,
      message: `${what} axis ${axis} does not exist on inputs with ${shape.length - 1} axes per sample.`,
      hint: 'Use -1 for the last axis (the channels or features).',
    };
  }
  if (resolved === 0) {
    return {
      code: 'invalid_param',
      field,
      message: `${what} cannot normalise over axis 0: that is the batch, whose size is not fixed.`,
      hint: 'Use -1 for the last axis (the channels or features).',
    };
  }
  if (shape[resolved] === null || shape[resolved] === undefined) {
    return {
      code: 'shape_mismatch',
      port: 0,
      message: `${what} learns one value per entry of axis ${resolved}, so that axis needs a known size, but it varies.`,
      hint: 'Give the Input layer a fixed size on that axis, or normalise along another axis.',
    };
  }
  return resolved;
}

/** TF.js computes batch and layer normalisation with kernels for 1 to 3 axes per sample only. */
export function checkNormRank(shape: Shape, what: string): LayerIssue | null {
  if (shape.length <= 4) return null;
  return {
    code: 'rank_mismatch',
    port: 0,
    message: `${what} in TF.js works on inputs with up to 3 axes per sample, but gets ${shape.length - 1}.`,
    hint: 'Reshape the input to at most 3 axes per sample (e.g. merge two spatial axes) first.',
  };
}
