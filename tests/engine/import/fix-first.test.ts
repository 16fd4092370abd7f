import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { importModel, importTopology } from '../../../engine/import/import-model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A Teachable Machine image model as its exporter builds it: a Sequential whose first layer is a model, then a head. */
function teachableMachineStyle(): tf.Sequential {
  const input = tf.input({ shape: [16, 16, 3] });
  const conv = tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
  const pooled = tf.layers.globalAveragePooling2d({}).apply(conv) as tf.SymbolicTensor;
  const base = tf.model({ inputs: input, outputs: pooled, name: 'truncated_base' });
  const head = tf.sequential({ name: 'head', layers: [tf.layers.dense({ inputShape: [8], units: 5, activation: 'softmax' })] });
  const top = tf.sequential({ name: 'tm_model' });
  top.add(base);
  top.add(head);
  return top;
}

describe('input shapes of Sequential models that start with a nested model', () => {
  it('takes the shape from the nested model, so the parameters add up to what TF.js counts', () => {
    const model = teachableMachineStyle();
    const imported = importTopology({ format: 'layers-model', modelTopology: model.toJSON(null, false) });
    expect(imported.ok).toBe(true);
    const doc = imported.doc;
    if (!doc) throw new Error('no graph');
    const input = doc.nodes.find((n) => n.type === 'input');
    expect(input?.params.shape).toEqual([16, 16, 3]);
    const analysis = analyse(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.totals.params).toBe(model.countParams());
    model.dispose();
  });

  it('says so on the Input when no layer gives a shape, instead of passing the default off as the model’s', () => {
    const imported = importTopology({
      class_name: 'Sequential',
      config: { name: 'shapeless', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 3 } }] },
    });
    const input = imported.doc?.nodes.find((n) => n.type === 'input');
    const said = imported.diagnostics.find((d) => d.nodeId === input?.id && d.field === 'shape');
    expect(said?.message).toMatch(/does not say what shape the input of "dense" has/);
    expect(said?.hint).toMatch(/Set the shape/);
  });
});

describe('a cycle in inbound_nodes', () => {
  it('is reported as a cycle naming its layers, not as a missing input', () => {
    const layer = (name: string, from: string) => ({
      class_name: 'Dense',
      name,
      config: { name, units: 2 },
      inbound_nodes: [[[from, 0, 0, {}]]],
    });
    const imported = importTopology({
      class_name: 'Functional',
      config: {
        name: 'loop',
        layers: [
          { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_input_shape: [null, 2] }, inbound_nodes: [] },
          layer('a', 'b'),
          layer('b', 'a'),
          layer('c', 'b'),
        ],
        input_layers: [['x', 0, 0]],
        output_layers: [['c', 0, 0]],
      },
    });
    const cycle = imported.diagnostics.filter((d) => d.code === 'cycle');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]?.message).toMatch(/form a cycle: "a" → "b" → "a"/);
    expect(imported.diagnostics.some((d) => /is not in the model/.test(d.message))).toBe(false);
  });
});

describe('files that are not JSON model files', () => {
  const tiny = {
    class_name: 'Sequential',
    config: { layers: [{ class_name: 'Dense', config: { units: 2, batch_input_shape: [null, 3] } }] },
  };

  it('a PNG image named model.h5 is called a PNG image, without echoing its bytes', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52);
    const imported = await importModel(null, png, { name: 'model.h5' });
    expect(imported.ok).toBe(false);
    expect(imported.diagnostics[0]?.message).toBe('This file is a PNG image, not a model file.');
  });

  it('decodes JSON with a UTF-8 byte-order mark and UTF-16 JSON of either byte order', async () => {
    const text = JSON.stringify(tiny);
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i);
      be[2 * i + 1] = text.charCodeAt(i);
    }
    const withMark = new Uint8Array([0xff, 0xfe, ...le]);
    for (const bytes of [utf8, le, be, withMark]) {
      const imported = await importModel(null, bytes);
      expect(imported.diagnostics).toEqual([]);
      expect(imported.doc?.nodes.map((n) => n.type)).toEqual(['input', 'dense']);
    }
    expect(importTopology(`\uFEFF${text}`).ok).toBe(true);
  });

  it('refuses deeply nested JSON before parsing it, with a clear message', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const imported = importTopology(deep);
    expect(imported.ok).toBe(false);
    expect(imported.diagnostics[0]?.message).toMatch(/nests more than 512 levels/);
  });

  it('describes a JSON syntax error in one printable line', () => {
    const imported = importTopology('{"class_name": \u0001\u0002 oops');
    const message = imported.diagnostics[0]?.message ?? '';
    expect(message).toMatch(/^The file is not valid JSON \(/);
    expect([...message].every((c) => c >= ' ' && c <= '~')).toBe(true);
  });
});
