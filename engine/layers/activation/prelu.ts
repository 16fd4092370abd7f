import { z } from 'zod';
import { initializer, l1l2, regularizer } from '../common';
import { defineLayer } from '../spec';

export const prelu = defineLayer({
  type: 'prelu',
  label: 'PReLU',
  category: 'activation',
  doc: 'Parametric ReLU: like LeakyReLU, but the slope for negative values is learned, one per input value (or shared along chosen axes, e.g. one per channel of an image). Adds a few weights in exchange for a more flexible activation.',
  params: z
    .object({
      alphaInitializer: initializer('zeros', 'negative slopes'),
      alphaRegularizer: regularizer('negative slopes'),
      sharedAxes: z
        .array(z.number().int().min(1).max(7))
        .min(1)
        .max(7)
        .nullable()
        .default(null)
        .describe(
          'Axes (counted from 1, without the batch) along which one slope is shared. For images (height, width, channels) use [1, 2] to learn one slope per channel. Empty: one slope per value.',
        ),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    const outside = (p.sharedAxes ?? []).find((a) => a >= shape.length);
    if (outside !== undefined) {
      return {
        code: 'invalid_param',
        field: 'sharedAxes',
        message: `PReLU cannot share along axis ${outside}: its input has only ${shape.length - 1} axes per sample.`,
        hint: `Use axes from 1 to ${shape.length - 1}.`,
      };
    }
    const unknown = slopeShape(shape, p.sharedAxes).indexOf(null);
    if (unknown >= 0) {
      return {
        code: 'shape_mismatch',
        port: 0,
        message: `PReLU learns a slope per value, so it needs the size of axis ${unknown + 1} known, but it varies.`,
        hint: `Give the Input layer a fixed size on that axis, or add ${unknown + 1} to sharedAxes.`,
      };
    }
    return [[...shape]];
  },
  countParams: ([x], p) => ({
    trainable: slopeShape(x ?? [], p.sharedAxes).reduce<number>((n, d) => n * (d ?? 0), 1),
    nonTrainable: 0,
  }),
  build: (tf, p, { name, trainable }) =>
    tf.layers.prelu({
      alphaInitializer: p.alphaInitializer,
      alphaRegularizer: l1l2(tf, p.alphaRegularizer),
      sharedAxes: p.sharedAxes ? [...p.sharedAxes] : undefined,
      name,
      trainable,
    }),
  keras: { className: 'PReLU' },
  summary: (p) => (p.sharedAxes ? `shared ${p.sharedAxes.join(', ')}` : ''),
});

/** Shape of the learned slopes: one per value of a sample, with shared axes collapsed to 1. */
function slopeShape(shape: (number | null)[], sharedAxes: number[] | null): (number | null)[] {
  return shape.slice(1).map((d, i) => (sharedAxes?.includes(i + 1) ? 1 : d));
}
