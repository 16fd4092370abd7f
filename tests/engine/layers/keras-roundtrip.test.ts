import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { paramsFromKerasConfig, paramsToKerasConfig } from '../../../engine/keras/config';
import { layerSpec } from '../../../engine/layers/registry';
import type { ParityCase } from './parity';

const tables = import.meta.glob<{ cases: ParityCase[] }>('./cases/*.ts', { eager: true });
const cases = Object.values(tables)
  .flatMap((m) => m.cases)
  .filter((c) => !c.rejects && c.inputs.length > 0);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** TF.js's own config of a layer, without the parts that name or place it. */
function configOf(layer: tf.layers.Layer): Record<string, unknown> {
  const { name: _name, trainable: _trainable, batchInputShape: _b, dtype: _d, ...rest } = layer.getConfig() as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest));
}

let n = 0;

/**
 * Import fidelity: the Keras config TF.js writes for a layer must read back (through the spec's Keras
 * mapping) into params that rebuild the very same layer; and our own Keras export must read back too.
 */
describe('Keras config round trip', () => {
  for (const [i, c] of cases.entries()) {
    it(`#${i} ${c.type} ${JSON.stringify(c.params)}`, () => {
      const spec = layerSpec(c.type);
      if (!spec) throw new Error(`no spec ${c.type}`);
      const params = spec.params.parse(c.params) as Record<string, unknown>;
      const original = spec.build(tf, params, { name: `rt_${++n}`, trainable: true });
      const inputs = c.inputs.map((shape) => tf.input({ batchShape: shape }));
      const output = original.apply(inputs.length === 1 ? (inputs[0] as tf.SymbolicTensor) : inputs) as
        | tf.SymbolicTensor
        | tf.SymbolicTensor[];
      const model = tf.model({ inputs, outputs: output });
      const json = model.toJSON(undefined, false) as unknown as {
        config: { layers: { class_name: string; name: string; config: Record<string, unknown> }[] };
      };
      const saved = json.config.layers.find((l) => l.name === original.name);
      expect(saved?.class_name).toBe(spec.keras.className);
      const fromFile = paramsFromKerasConfig(spec, saved?.config ?? {});
      const reparsed = spec.params.parse(fromFile.params) as Record<string, unknown>;
      const rebuilt = spec.build(tf, reparsed, { name: `rt_${++n}`, trainable: true });
      expect(configOf(rebuilt)).toEqual(configOf(original));
      const exported = spec.params.parse(paramsFromKerasConfig(spec, paramsToKerasConfig(spec, params)).params);
      expect(exported).toEqual(params);
    });
  }
});
