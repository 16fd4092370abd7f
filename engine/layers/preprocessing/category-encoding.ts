import { z } from 'zod';
import { camelToSnake, snakeToCamel } from '../../keras/names';
import { elementsPerSample } from '../../shape';
import { positiveInt } from '../common';
import { defineLayer, NO_PARAMS } from '../spec';
import { copyInputShape } from './copy-input-shape';

const OUTPUT_MODES = ['multiHot', 'oneHot', 'count'] as const;

export const categoryEncoding = defineLayer({
  type: 'categoryEncoding',
  label: 'CategoryEncoding',
  category: 'preprocessing',
  doc: 'Turns integer category ids into a fixed-length vector with one slot per category: oneHot marks the single id of each sample, multiHot marks every id present, count counts how often each appears. Use it to feed categorical data (a colour, a set of tags) to Dense layers. Ids must be whole numbers from 0 to the number of categories minus one.',
  params: z
    .object({
      numTokens: positiveInt(10, 'Number of categories: ids run from 0 to this number minus one, and the output has this many slots.'),
      outputMode: z
        .enum(OUTPUT_MODES)
        .default('multiHot')
        .describe(
          'oneHot: one id per sample, marked with a 1. multiHot: several ids per sample, each marked with a 1. count: how many times each id appears.',
        ),
    })
    .strict(),
  inputs: { min: 1, max: 1, minRank: 1, maxRank: 2 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    // TF.js's shape rule accepts any input, but its encoder only produces (batch, numTokens).
    if (p.outputMode === 'oneHot') {
      if (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) return [[shape[0] ?? null, p.numTokens]];
      return {
        code: 'shape_mismatch',
        port: 0,
        message: `CategoryEncoding in oneHot mode takes one id per sample, but gets shape (${shape
          .slice(1)
          .map((d) => d ?? 'None')
          .join(', ')}).`,
        hint: 'Use multiHot or count for several ids per sample, or Reshape the input to [1].',
      };
    }
    if (shape.length === 2) return [[shape[0] ?? null, p.numTokens]];
    return {
      code: 'rank_mismatch',
      port: 0,
      message: `CategoryEncoding in ${p.outputMode} mode takes a list of ids per sample (1 axis), but gets ${shape.length - 1} axes.`,
      hint: shape.length > 2 ? 'Add a Flatten layer before it.' : 'Add a Reshape layer with target [1] before it.',
    };
  },
  countParams: () => NO_PARAMS,
  // One counting step per incoming id.
  flops: ([x]) => elementsPerSample(x ?? []) ?? 0,
  build: (tf, p, { name }) => copyInputShape(tf.layers.categoryEncoding({ numTokens: p.numTokens, outputMode: p.outputMode, name })),
  keras: {
    className: 'CategoryEncoding',
    // Files spell the modes in snake_case (one_hot), which the generic mapping leaves alone.
    toConfig: (p) => ({ num_tokens: p.numTokens, output_mode: camelToSnake(p.outputMode) }),
    fromConfig: (c) => ({
      ...(c.num_tokens === undefined ? {} : { numTokens: c.num_tokens }),
      ...(typeof c.output_mode === 'string' ? { outputMode: snakeToCamel(c.output_mode) } : {}),
    }),
  },
  summary: (p) => `${p.numTokens} · ${p.outputMode}`,
});
