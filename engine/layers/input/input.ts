import { z } from 'zod';
import { defineLayer, NO_PARAMS } from '../spec';

/** Where data enters the model. Every graph starts with one or more of these. */
export const input = defineLayer({
  type: 'input',
  label: 'Input',
  category: 'input',
  doc: 'Where data enters the network. Its shape is one sample without the batch: [28, 28, 1] for a 28×28 grey image, [4] for four numbers per row, [100] for a sequence of 100 word ids. Leave a size empty (null) when it varies, such as the length of a sentence.',
  params: z
    .object({
      shape: z
        .array(z.number().int().min(1).max(1_000_000).nullable())
        .min(1)
        .max(8)
        .default([28, 28, 1])
        .describe('Size of one sample along each axis, without the batch. null = any size.'),
      dtype: z
        .enum(['float32', 'int32'])
        .default('float32')
        .describe('float32 for measurements and pixels; int32 for ids fed to an Embedding.'),
    })
    .strict(),
  inputs: { min: 0, max: 0 },
  outputShape: (_inputs, p) => [[null, ...p.shape]],
  countParams: () => NO_PARAMS,
  flops: () => 0,
  build: (tf, p, { name }) => tf.layers.inputLayer({ batchInputShape: [null, ...p.shape], dtype: p.dtype, name }),
  keras: {
    className: 'InputLayer',
    toConfig: (p) => ({ batch_input_shape: [null, ...p.shape], dtype: p.dtype, sparse: false }),
    fromConfig: (c) => {
      const batchShape = (c.batch_input_shape ?? c.batch_shape) as unknown;
      const dtype = typeof c.dtype === 'string' && c.dtype.startsWith('int') ? 'int32' : 'float32';
      return { shape: Array.isArray(batchShape) ? batchShape.slice(1) : batchShape, dtype };
    },
  },
  summary: (p) => `[${p.shape.map((d) => d ?? '?').join('×')}]`,
});
