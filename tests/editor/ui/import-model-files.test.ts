import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ImportEvent } from '../../../components/editor/import-lifecycle';
import { importModelFiles, type ModelFile, sortDroppedFiles } from '../../../components/editor/import-model-files';

const models = path.resolve(import.meta.dirname, '../../fixtures/models');
const H5 = 'cnn-tf-keras.h5';

/** A dropped file, as the browser's File would give it. */
function file(relative: string, name = path.basename(relative)): ModelFile {
  const bytes = readFileSync(path.join(models, relative));
  return {
    name,
    size: bytes.byteLength,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

const deps = (events: ImportEvent[] = []) => ({
  loadTf: async () => {
    await tf.setBackend('cpu');
    return tf;
  },
  emit: (e: ImportEvent) => events.push(e),
});

describe('importModelFiles', () => {
  it('imports a dropped Keras 3 .keras file with its weights, with the import report in the outcome', async () => {
    const keras = path.resolve(import.meta.dirname, '../../fixtures/keras3/flownet-final_model.keras');
    const bytes = readFileSync(keras);
    const dropped: ModelFile = {
      name: 'final_model.keras',
      size: bytes.byteLength,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
    const result = await importModelFiles([dropped], deps());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcome).toMatchObject({ kind: 'keras-archive', layers: 8, weights: 10_786 });
    expect(result.outcome.report).toMatchObject({ exact: 7, approximated: 0, placeholders: 0 });
  });

  it('finds the model among the dropped files: model.json first, shards last', () => {
    const { candidates, shards } = sortDroppedFiles([
      { name: 'group1-shard1of1' },
      { name: 'weights.json' },
      { name: 'x/model.json' },
      { name: 'net.h5' },
    ]);
    expect(candidates.map((f) => f.name)).toEqual(['x/model.json', 'net.h5', 'weights.json']);
    expect(shards.map((f) => f.name)).toEqual(['group1-shard1of1']);
  });

  it('imports a TF.js model with its weight shard and checks the weights, reporting progress', async () => {
    const events: ImportEvent[] = [];
    const result = await importModelFiles(
      [file('with-weights/tfjs-examples-abalone/weights.bin'), file('with-weights/tfjs-examples-abalone/model.json')],
      deps(events),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.outcome).toMatchObject({ fileName: 'model.json', kind: 'tfjs-layers', placeholders: 0, weights: 3051 });
    expect(result.doc.nodes.length).toBe(result.outcome.layers);
    expect(events[0]).toMatchObject({ type: 'start' });
    expect(events.filter((e) => e.type === 'fileRead')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'finish' });
  });

  it('imports a Keras to_json() file without TF.js', async () => {
    const result = await importModelFiles([file('keras2-tojson-lenet-sequential.json')], {
      loadTf: () => Promise.reject(new Error('not needed')),
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.outcome).toMatchObject({ kind: 'keras-json', weights: null });
  });

  it('imports a Keras HDF5 file with the weights inside it', async () => {
    const h5 = readFileSync(path.resolve(import.meta.dirname, '../../fixtures-made/keras-h5', H5));
    const result = await importModelFiles(
      [
        {
          name: H5,
          size: h5.byteLength,
          arrayBuffer: async () => h5.buffer.slice(h5.byteOffset, h5.byteOffset + h5.byteLength) as ArrayBuffer,
        },
      ],
      deps(),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.outcome.kind).toBe('keras-h5');
      expect(result.outcome.weights).toBeGreaterThan(0);
    }
  });

  it('reports a missing shard as an error (as the CLI does) and still imports the architecture', async () => {
    const result = await importModelFiles(
      [file('with-weights/tfjs-examples-abalone/model.json'), file('tfjs2keras-mlp.json', 'other.bin')],
      deps(),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.outcome.weights).toBeNull();
      expect(result.diagnostics.some((d) => d.severity === 'error' && /missing/.test(d.message))).toBe(true);
    }
  });

  it('refuses files that are no model, with the reason', async () => {
    const text = new TextEncoder().encode('{"hello": 1}');
    const notes: ModelFile = { name: 'notes.json', size: text.byteLength, arrayBuffer: async () => text.buffer as ArrayBuffer };
    const events: ImportEvent[] = [];
    const result = await importModelFiles([notes], deps(events));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/neither a TensorFlow.js model.json/) });
    expect(events.at(-1)).toMatchObject({ type: 'fail' });
    expect(await importModelFiles([file('with-weights/tfjs-examples-abalone/weights.bin')], deps())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Drop a model.json/),
    });
  });

  it('names a dropped TF.js graph model for what it is, so the editor can offer the page that opens it', async () => {
    const graphModels = path.resolve(import.meta.dirname, '../../fixtures/graph-models');
    const dropped = ['emotion.json', 'emotion.bin'].map((name) => {
      const bytes = readFileSync(path.join(graphModels, name));
      return {
        name,
        size: bytes.byteLength,
        arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      };
    });
    const events: ImportEvent[] = [];
    const result = await importModelFiles(dropped, deps(events));
    expect(result).toMatchObject({ ok: false, kind: 'tfjs-graph', message: expect.stringMatching(/graph model: a frozen graph/) });
    expect(events.at(-1)).toMatchObject({ type: 'fail', kind: 'tfjs-graph' });
  });
});
