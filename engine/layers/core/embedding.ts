import { z } from 'zod';
import { initializer, l1l2, positiveInt, regularizer } from '../common';
import { defineLayer } from '../spec';

export const embedding = defineLayer({
  type: 'embedding',
  label: 'Embedding',
  category: 'core',
  doc: 'Turns whole-number ids (words, products, categories) into learned vectors: each id looks up its own row of a table that training adjusts, so similar ids end up with similar vectors. The first layer of most text models; feed it integer ids from 0 to the vocabulary size minus one.',
  params: z
    .object({
      inputDim: positiveInt(1000, 'Vocabulary size: ids run from 0 to this number minus one.', 10_000_000),
      outputDim: positiveInt(16, 'Length of the vector learned for each id. 8 to 300 is common; larger vocabularies need more.'),
      embeddingsInitializer: initializer('randomUniform', 'vectors'),
      embeddingsRegularizer: regularizer('vectors'),
      maskZero: z
        .boolean()
        .default(false)
        .describe('Treat id 0 as padding that later recurrent layers skip. Then real ids must start at 1.'),
      inputLength: z
        .number()
        .int()
        .min(1)
        .max(1_000_000)
        .nullable()
        .default(null)
        .describe('Fixed length of the id sequences, if any; empty for any length. When set, the input must be a plain sequence of ids.'),
    })
    .strict(),
  inputs: { min: 1, max: 1 },
  outputShape: ([x], p) => {
    const shape = x ?? [];
    if (p.inputLength === null) return [[...shape, p.outputDim]];
    const length = shape[1];
    if (shape.length !== 2 || (length !== null && length !== undefined && length !== p.inputLength)) {
      return {
        code: 'shape_mismatch',
        port: 0,
        message: `Embedding expects sequences of ${p.inputLength} ids (inputLength), but gets input of shape (${shape
          .slice(1)
          .map((d) => d ?? 'None')
          .join(', ')}).`,
        hint: 'Set inputLength to match the input, or leave it empty.',
      };
    }
    return [[shape[0] ?? null, p.inputLength, p.outputDim]];
  },
  countParams: (_inputs, p) => ({ trainable: p.inputDim * p.outputDim, nonTrainable: 0 }),
  // A table look-up: no arithmetic.
  flops: () => 0,
  build: (tf, p, { name, trainable }) =>
    tf.layers.embedding({
      inputDim: p.inputDim,
      outputDim: p.outputDim,
      embeddingsInitializer: p.embeddingsInitializer,
      embeddingsRegularizer: l1l2(tf, p.embeddingsRegularizer),
      maskZero: p.maskZero,
      inputLength: p.inputLength ?? undefined,
      name,
      trainable,
    }),
  keras: { className: 'Embedding' },
  weightLayouts: { kerasH5: { keras1Leaves: { W: 'embeddings' } } },
  summary: (p) => `${p.inputDim} → ${p.outputDim}`,
});
