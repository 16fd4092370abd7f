import { z } from 'zod';
import { isLayerIssue } from '../../diagnostics';
import { elementsPerSample, type Shape } from '../../shape';
import type { TfLayer } from '../spec';
import { defineLayer } from '../spec';
import { buildInner, innerFlops, innerFromKeras, innerLayerField, innerSpec, innerToKeras, unknownInner, wrapIssue } from './inner-layer';

/** Merge modes TF.js 4.22 accepts (`VALID_BIDIRECTIONAL_MERGE_MODES`), plus `null` for two separate outputs. */
const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const;

const recurrentOnly = (spec: { category: string; label: string }) =>
  spec.category === 'recurrent' ? null : `Bidirectional wraps a recurrent layer (SimpleRNN, LSTM, GRU or ConvLSTM2D), not ${spec.label}.`;

export const bidirectional = defineLayer({
  type: 'bidirectional',
  label: 'Bidirectional',
  category: 'wrapper',
  doc: 'Runs a recurrent layer over the sequence twice, once forwards and once backwards, and joins the two results, so every step sees both what came before and what comes after. It helps whenever the whole sequence is known in advance — tagging words in a sentence, classifying a full recording — and doubles the weights and compute. It cannot be used to predict the future step by step, since the backward pass reads ahead.',
  params: z
    .object({
      layer: innerLayerField(
        { type: 'lstm', params: {} },
        recurrentOnly,
        'The recurrent layer run in both directions (SimpleRNN, LSTM, GRU or ConvLSTM2D) with its own settings; the backward copy has its own weights.',
      ),
      mergeMode: z
        .enum(MERGE_MODES)
        .nullable()
        .default('concat')
        .describe(
          'How the two directions are joined: concat puts them side by side (twice the features), sum / mul / ave combine them element by element, none (null) gives two separate outputs, forward then backward.',
        ),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 3, maxRank: 5 },
  outputCount: (p) => {
    const inner = innerSpec(p.layer);
    const states = (inner?.outputCount?.(p.layer.params) ?? 1) - 1;
    return (p.mergeMode === null ? 2 : 1) + 2 * states;
  },
  // TF.js `Bidirectional.computeOutputShape`: the merged output (or forward and backward outputs),
  // then the forward states, then the backward states.
  outputShape: ([x], p) => {
    const inner = innerSpec(p.layer);
    if (!inner) return unknownInner('Bidirectional', p.layer);
    const shapes = inner.outputShape([x ?? []], p.layer.params);
    if (isLayerIssue(shapes)) return wrapIssue('Bidirectional', inner, shapes);
    const [output = [], ...states] = shapes;
    const last = output[output.length - 1] ?? null;
    const outputs: Shape[] =
      p.mergeMode === null
        ? [output, [...output]]
        : p.mergeMode === 'concat'
          ? [[...output.slice(0, -1), last === null ? null : 2 * last]]
          : [output];
    return [...outputs, ...states, ...states.map((s) => [...s])];
  },
  countParams: (inputs, p) => {
    const inner = innerSpec(p.layer);
    const one = inner?.countParams(inputs, p.layer.params) ?? { trainable: 0, nonTrainable: 0 };
    return { trainable: 2 * one.trainable, nonTrainable: 2 * one.nonTrainable };
  },
  flops: (inputs, outputs, p) => {
    const inner = innerSpec(p.layer);
    if (!inner) return 0;
    const innerOutputs = inner.outputShape(inputs, p.layer.params);
    if (isLayerIssue(innerOutputs)) return 0;
    const merged = elementsPerSample(outputs[0] ?? []) ?? 0;
    const merge = p.mergeMode === 'sum' || p.mergeMode === 'mul' ? merged : p.mergeMode === 'ave' ? 2 * merged : 0;
    return 2 * innerFlops(inner, inputs, innerOutputs, p.layer.params) + merge;
  },
  build: (tf, p, context) => {
    const inner = innerSpec(p.layer);
    if (!inner) throw new Error(`Bidirectional wraps an unknown layer type "${p.layer.type}"`);
    const layer = tf.layers.bidirectional({
      layer: buildInner(tf, inner, p.layer, context) as Parameters<typeof tf.layers.bidirectional>[0]['layer'],
      // TF.js reads `undefined` as concat and keeps `null` as "no merge".
      mergeMode: p.mergeMode as (typeof MERGE_MODES)[number],
      name: context.name,
    }) as TfLayer;
    // Bidirectional ignores the `trainable` constructor argument; the setter reaches both directions.
    layer.trainable = context.trainable;
    return layer;
  },
  keras: {
    className: 'Bidirectional',
    toConfig: (p) => ({ layer: innerToKeras(p.layer), merge_mode: p.mergeMode }),
    fromConfig: (config) => ({
      layer: innerFromKeras(config.layer),
      mergeMode: config.merge_mode === undefined ? 'concat' : config.merge_mode,
    }),
  },
  // Each direction has its own copy of the wrapped layer's weights (`forward_lstm/kernel`, `backward_lstm/kernel`).
  weightLayouts: { kerasH5: { wraps: { copies: ['forward', 'backward'] } } },
  summary: (p) => {
    const inner = innerSpec(p.layer);
    const what = inner ? `${inner.label}${inner.summary ? ` ${inner.summary(p.layer.params)}` : ''}` : p.layer.type;
    return `${what} · ${p.mergeMode ?? 'no merge'}`;
  },
});
