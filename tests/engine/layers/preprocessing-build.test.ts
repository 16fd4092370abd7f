import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerSpec } from '../../../engine/layers/registry';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * TF.js's CenterCrop and CategoryEncoding overwrite their input tensor's shape while working out their
 * own; the specs' builders guard against it. Without the guard these models refuse their first batch.
 */
describe('preprocessing builders leave the upstream shape alone', () => {
  const rows = [
    { type: 'categoryEncoding', params: { numTokens: 10 }, input: [null, 4], sample: [1, 4], output: [1, 10] },
    { type: 'centerCrop', params: { height: 4, width: 4 }, input: [null, 8, 8, 3], sample: [1, 8, 8, 3], output: [1, 4, 4, 3] },
  ];
  for (const row of rows) {
    it(row.type, () => {
      const spec = layerSpec(row.type);
      if (!spec) throw new Error(`no spec ${row.type}`);
      const input = tf.input({ batchShape: row.input });
      const layer = spec.build(tf, spec.params.parse(row.params), { name: `guard_${row.type}`, trainable: true });
      const side = tf.layers.activation({ activation: 'linear' }).apply(input) as tf.SymbolicTensor;
      const model = tf.model({ inputs: input, outputs: [layer.apply(input) as tf.SymbolicTensor, side] });
      expect(input.shape).toEqual(row.input);
      const [out] = model.predict(tf.zeros(row.sample)) as tf.Tensor[];
      expect(out?.shape).toEqual(row.output);
    });
  }
});
