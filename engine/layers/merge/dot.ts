import { z } from 'zod';
import type { LayerIssue } from '../../diagnostics';
import { elementsPerSample, type Shape } from '../../shape';
import { defineLayer, NO_PARAMS } from '../spec';

const axisIndex = z.number().int().min(-3).max(2);

export const dot = defineLayer({
  type: 'dot',
  label: 'Dot',
  category: 'merge',
  doc: 'Takes the dot product of two tensors along one axis of each: multiplies matching entries and adds them up. On two vectors it gives one similarity score per sample (with normalize on, the cosine similarity); on two sequences it gives a matrix of scores between every pair of steps, as in attention. Works on inputs with one or two axes per sample.',
  params: z
    .object({
      axes: z
        .union([axisIndex, z.array(axisIndex).length(2)])
        .default(-1)
        .describe(
          'Axis to multiply and sum along: one number for both inputs, or a pair [first, second]. The two axes must have the same size; -1 is the last.',
        ),
      normalize: z
        .boolean()
        .default(false)
        .describe('Scale both inputs to unit length along the axes first, so the result is the cosine similarity (−1 to 1).'),
    })
    .strict(),
  inputs: { min: 2, max: 2, minRank: 2, maxRank: 3 },
  outputShape: (inputs, p) => {
    const checked = contraction(inputs, p.axes);
    if (!Array.isArray(checked)) return checked;
    const [a, b] = inputs as [Shape, Shape];
    const [axisA, axisB] = checked;
    const out: Shape = [...a.filter((_, i) => i !== axisA), ...b.filter((_, i) => i !== axisB && i !== 0)];
    // TF.js keeps a trailing axis of size 1 rather than returning one number per sample without an axis.
    if (out.length === 1) out.push(1);
    return [out];
  },
  countParams: () => NO_PARAMS,
  flops: (inputs, [y], p) => {
    const checked = contraction(inputs, p.axes);
    const depth = Array.isArray(checked) ? (inputs[0]?.[checked[0]] ?? 0) : 0;
    const normalise = p.normalize ? 3 * inputs.reduce((n, s) => n + (elementsPerSample(s) ?? 0), 0) : 0;
    return 2 * depth * (elementsPerSample(y ?? []) ?? 0) + normalise;
  },
  build: (tf, p, { name }) =>
    tf.layers.dot({ axes: Array.isArray(p.axes) ? [p.axes[0] ?? -1, p.axes[1] ?? -1] : p.axes, normalize: p.normalize, name }),
  keras: { className: 'Dot' },
  summary: (p) =>
    `${Array.isArray(p.axes) ? `axes ${p.axes.join(', ')}` : p.axes === -1 ? '' : `axis ${p.axes}`}${p.normalize ? ' · cosine' : ''}`.trim(),
});

/** The two contracted axes as non-negative indices, or why the inputs cannot be multiplied. */
function contraction(inputs: Shape[], axes: number | number[]): [number, number] | LayerIssue {
  if (inputs.length !== 2) {
    return {
      code: inputs.length < 2 ? 'missing_input' : 'too_many_inputs',
      message: `Dot multiplies exactly two inputs, but gets ${inputs.length}.`,
      hint: 'Connect exactly two branches to it.',
    };
  }
  const pair = Array.isArray(axes) ? axes : [axes, axes];
  const resolved: number[] = [];
  for (const [port, shape] of inputs.entries()) {
    if (shape.length < 2 || shape.length > 3) {
      return {
        code: 'rank_mismatch',
        port,
        message: `Dot works on inputs with 1 or 2 axes per sample, but input ${port + 1} has ${shape.length - 1}.`,
        hint: shape.length > 3 ? 'Add a Flatten or Reshape layer before it.' : 'Add a Reshape layer before it to add an axis.',
      };
    }
    const axis = pair[port] ?? -1;
    const index = axis < 0 ? axis + shape.length : axis;
    if (index <= 0 || index >= shape.length) {
      return {
        code: 'invalid_param',
        field: 'axes',
        message: `Dot axis ${axis} ${index === 0 ? 'is the batch axis' : `does not exist on input ${port + 1}, which has ${shape.length - 1} axes per sample`}.`,
        hint: 'Use -1 for the last axis.',
      };
    }
    resolved.push(index);
  }
  const [axisA = 1, axisB = 1] = resolved;
  const [a = [], b = []] = inputs;
  // TF.js insists on equal sizes, and counts an unknown size as different from a known one.
  if (a[axisA] !== b[axisB]) {
    return {
      code: 'merge_shape_mismatch',
      port: 1,
      message: `Dot needs the multiplied axes to have the same size, but they are ${a[axisA] ?? 'unknown'} and ${b[axisB] ?? 'unknown'}.`,
      hint: 'Pick matching axes, or make both branches end with the same number of units (a Dense layer can adapt one).',
    };
  }
  return [axisA, axisB];
}
