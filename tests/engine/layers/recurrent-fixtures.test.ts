import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLayerIssue } from '../../../engine/diagnostics';
import { paramsFromKerasConfig } from '../../../engine/keras/config';
import { layerSpecForKerasClass } from '../../../engine/layers/registry';
import type { Shape } from '../../../engine/shape';
import { MODELS } from '../../support/fixtures';

/** Real files that use recurrent layers (tfjs-layers' own tfjs2keras integration data). */
const FILES = [
  'tfjs2keras-simple_rnn.json',
  'tfjs2keras-gru.json',
  'tfjs2keras-bidirectional_lstm.json',
  'with-weights/tfjs2keras-simple_rnn/model.json',
  'with-weights/tfjs2keras-gru/model.json',
  'with-weights/tfjs2keras-bidirectional_lstm/model.json',
];
const RECURRENT = new Set(['SimpleRNN', 'LSTM', 'GRU', 'ConvLSTM2D', 'Bidirectional', 'TimeDistributed']);

interface KerasLayer {
  class_name: string;
  config: Record<string, unknown>;
}
type Topology = { class_name: string; config: KerasLayer[] | { layers: KerasLayer[] } };

function topologyOf(file: string): Topology {
  const json = JSON.parse(readFileSync(join(MODELS, file), 'utf8')) as { modelTopology?: Topology };
  return json.modelTopology ?? (json as unknown as Topology);
}

function layersOf(topology: Topology): KerasLayer[] {
  return Array.isArray(topology.config) ? topology.config : topology.config.layers;
}

/** Reads a Keras layer through our mapping and validates it, as the importer does. */
function readLayer(layer: KerasLayer) {
  const spec = layerSpecForKerasClass(layer.class_name);
  if (!spec) throw new Error(`no spec for ${layer.class_name}`);
  const parsed = spec.params.safeParse(paramsFromKerasConfig(spec, layer.config).params);
  return { spec, parsed };
}

const shapesOf = (t: tf.SymbolicTensor | tf.SymbolicTensor[]): Shape[] => (Array.isArray(t) ? t : [t]).map((s) => s.shape as Shape);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('recurrent layers of real model files', () => {
  for (const file of FILES) {
    const topology = topologyOf(file);
    for (const layer of layersOf(topology).filter((l) => RECURRENT.has(l.class_name))) {
      it(`${file}: ${layer.class_name} "${String(layer.config.name)}" reads back with TF.js's shapes and parameter count`, async () => {
        const { spec, parsed } = readLayer(layer);
        expect(parsed.error?.issues, 'params validate').toBeUndefined();
        if (!parsed.success) return;
        const model = await tf.models.modelFromJSON({ modelTopology: topology as unknown as tf.io.ModelJSON['modelTopology'] });
        const loaded = model.getLayer(String(layer.config.name));
        const inputs = shapesOf(loaded.input);
        const count = spec.countParams(inputs, parsed.data);
        expect(count.trainable + count.nonTrainable).toBe(loaded.countParams());
        const outputs = spec.outputShape(inputs, parsed.data);
        expect(isLayerIssue(outputs) ? outputs : undefined).toBeUndefined();
        expect(outputs).toEqual(shapesOf(loaded.output));
        model.dispose();
      });
      const inner = layer.config.layer as KerasLayer | undefined;
      if (inner) {
        it(`${file}: the ${inner.class_name} inside ${layer.class_name} reads back through its own spec`, () => {
          const own = readLayer(inner);
          expect(own.parsed.error?.issues).toBeUndefined();
          const wrapper = readLayer(layer);
          const wrapped = (wrapper.parsed.data as { layer: { type: string; params: unknown; name?: string } }).layer;
          expect(wrapped.type).toBe(own.spec.type);
          expect(wrapped.params).toEqual(own.parsed.data);
          expect(wrapped.name).toBe(inner.config.name);
        });
      }
    }
  }
});

/**
 * TF.js 4.22 has no reset_after GRU: GRUCell throws on it, so a TF 2 Keras GRU file (reset_after=True
 * by default) does not load. Our GRU refuses the setting too, as an invalid param on the field.
 */
describe('GRU with reset_after = true', () => {
  const gruFile = topologyOf('tfjs2keras-gru.json');
  const resetAfter = (topology: Topology): Topology => {
    const copy = structuredClone(topology);
    for (const l of layersOf(copy)) if (l.class_name === 'GRU') l.config.reset_after = true;
    return copy;
  };

  it('is rejected by TF.js when it loads the file', async () => {
    const topology = resetAfter(gruFile) as unknown as tf.io.ModelJSON['modelTopology'];
    await expect(tf.models.modelFromJSON({ modelTopology: topology })).rejects.toThrow(/reset_after/);
  });

  it('is refused by our GRU on the resetAfter field, with a plain message', () => {
    const gru = layersOf(resetAfter(gruFile)).find((l) => l.class_name === 'GRU') as KerasLayer;
    const { parsed } = readLayer(gru);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['resetAfter']);
    expect(parsed.error?.issues[0]?.message).toMatch(/TF\.js cannot build a GRU with reset_after = true/);
  });

  it('is refused inside a Bidirectional on layer.resetAfter', () => {
    const gru = layersOf(resetAfter(gruFile)).find((l) => l.class_name === 'GRU') as KerasLayer;
    const { parsed } = readLayer({ class_name: 'Bidirectional', config: { merge_mode: 'concat', layer: gru } });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['layer', 'resetAfter']]);
  });

  it('reset_after = false, as TF.js itself saves, reads back', () => {
    const gru = structuredClone(layersOf(gruFile).find((l) => l.class_name === 'GRU') as KerasLayer);
    gru.config.reset_after = false;
    expect(readLayer(gru).parsed.success).toBe(true);
  });
});
