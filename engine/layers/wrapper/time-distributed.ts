import { z } from 'zod';
import { isLayerIssue } from '../../diagnostics';
import type { Shape } from '../../shape';
import { type AnyLayerSpec, defineLayer, NO_PARAMS } from '../spec';
import { buildInner, innerFlops, innerFromKeras, innerLayerField, innerSpec, innerToKeras, unknownInner, wrapIssue } from './inner-layer';

const fmt = (s: Shape) => `(${s.map((d) => d ?? 'None').join(', ')})`;

/** TimeDistributed hands its layer one tensor per step and takes one back. */
function wrappable(spec: AnyLayerSpec, params: Record<string, unknown>): string | null {
  if (spec.category === 'input' || spec.category === 'placeholder' || spec.inputs.max < 1) {
    return `TimeDistributed cannot wrap ${spec.label}.`;
  }
  if (spec.inputs.min > 1) return `TimeDistributed wraps a layer with one input; ${spec.label} joins several.`;
  const outputs = spec.outputCount?.(params) ?? 1;
  if (outputs > 1) return `TimeDistributed wraps a layer with one output, but this ${spec.label} gives ${outputs} (turn off returnState).`;
  return null;
}

/** The input of one time step: the sequence without its time axis (axis 1). */
const stepShape = (x: Shape): Shape => [x[0] ?? null, ...x.slice(2)];

export const timeDistributed = defineLayer({
  type: 'timeDistributed',
  label: 'TimeDistributed',
  category: 'wrapper',
  doc: 'Applies one layer to every step of a sequence separately, with the same weights at every step: a Dense on each word vector, a Conv2D on each frame of a video. The time axis (the first after the batch) is kept and the wrapped layer sees each step on its own, so its weights do not grow with the length of the sequence. A Dense layer already does this on sequences by itself; TimeDistributed is needed for layers such as Conv2D, Flatten or pooling.',
  params: z
    .object({
      layer: innerLayerField(
        { type: 'dense', params: {} },
        wrappable,
        'The layer applied to each time step, with its own settings (e.g. a Dense or a Conv2D); it sees one step, without the time axis.',
      ),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 3 },
  // TF.js `TimeDistributed.computeOutputShape`: the inner shape rule on one step, time axis put back.
  outputShape: ([input], p) => {
    const x = input ?? [];
    if (x.length < 3) {
      return {
        code: 'rank_mismatch',
        port: 0,
        message: `TimeDistributed applies its layer to each step of a sequence (steps, …), but its input has shape ${fmt(x.slice(1))}.`,
        hint: 'Add a Reshape before it so that the first axis counts the time steps.',
      };
    }
    const inner = innerSpec(p.layer);
    if (!inner) return unknownInner('TimeDistributed', p.layer);
    const step = stepShape(x);
    const note = ` (each time step has shape ${fmt(step.slice(1))})`;
    const { minRank, maxRank } = inner.inputs;
    if ((minRank !== undefined && step.length < minRank) || (maxRank !== undefined && step.length > maxRank)) {
      const want = minRank === maxRank ? `${(minRank ?? 1) - 1}` : `${(minRank ?? 1) - 1} to ${(maxRank ?? 9) - 1}`;
      return {
        code: 'rank_mismatch',
        port: 0,
        message: `TimeDistributed(${inner.label}): ${inner.label} expects ${want} dimensions per step, but gets ${step.length - 1}${note}.`,
        hint: 'TimeDistributed removes the time axis before the wrapped layer sees the data; reshape the input or wrap a different layer.',
      };
    }
    const shapes = inner.outputShape([step], p.layer.params);
    if (isLayerIssue(shapes)) return wrapIssue('TimeDistributed', inner, shapes, note);
    const y = shapes[0] ?? [];
    return [[y[0] ?? null, x[1] ?? null, ...y.slice(1)]];
  },
  countParams: ([x], p) => innerSpec(p.layer)?.countParams([stepShape(x ?? [])], p.layer.params) ?? NO_PARAMS,
  // The wrapped layer's cost on one step, once per step (an unknown number of steps counts as one).
  flops: ([x], [y], p) => {
    const inner = innerSpec(p.layer);
    if (!inner || !x || !y) return 0;
    const innerOutput: Shape = [y[0] ?? null, ...y.slice(2)];
    return innerFlops(inner, [stepShape(x)], [innerOutput], p.layer.params) * (x[1] ?? 1);
  },
  build: (tf, p, context) => {
    const inner = innerSpec(p.layer);
    if (!inner) throw new Error(`TimeDistributed wraps an unknown layer type "${p.layer.type}"`);
    return tf.layers.timeDistributed({
      layer: buildInner(tf, inner, p.layer, context),
      name: context.name,
      trainable: context.trainable,
    });
  },
  keras: {
    className: 'TimeDistributed',
    toConfig: (p) => ({ layer: innerToKeras(p.layer) }),
    fromConfig: (config) => ({ layer: innerFromKeras(config.layer) }),
  },
  // One set of the wrapped layer's weights, under the wrapper's name.
  weightLayouts: { kerasH5: { wraps: {} } },
  summary: (p) => {
    const inner = innerSpec(p.layer);
    if (!inner) return p.layer.type;
    const detail = inner.summary?.(p.layer.params);
    return detail ? `${inner.label} ${detail}` : inner.label;
  },
});
