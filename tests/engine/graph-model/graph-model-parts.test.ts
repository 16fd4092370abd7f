import { describe, expect, it } from 'vitest';
import { baseName, modelFileCandidates } from '../../../components/graph-model/graph-model-files';
import { readGraphModelInfo } from '../../../engine/graph-model/graph-model-file';
import { concreteShape, shapeText } from '../../../engine/graph-model/graph-model-input';
import { activationNodes } from '../../../engine/graph-model/graph-model-nodes';
import { outputView, parseLabels } from '../../../engine/graph-model/graph-model-output';

/** A tiny graph: x → conv → relu → softmax, with a weight read through an Identity and a shape computed from constants. */
const GRAPH = {
  format: 'graph-model',
  modelTopology: {
    node: [
      { name: 'softmax', op: 'Softmax', input: ['relu'] },
      { name: 'relu', op: 'Relu', input: ['conv'] },
      { name: 'conv', op: 'Conv2D', input: ['x', 'w/read'] },
      { name: 'w/read', op: 'Identity', input: ['w'] },
      { name: 'w', op: 'Const' },
      { name: 'shape', op: 'Shape', input: ['w', '^w/read'] },
      { name: 'x', op: 'Placeholder', attr: { shape: { shape: { dim: [{ size: '-1' }, { size: '8' }] } }, dtype: { type: 'DT_FLOAT' } } },
    ],
  },
  weightsManifest: [
    { paths: ['a.bin', 'b.bin'], weights: [{ name: 'w', shape: [3, 3, 1, 4], dtype: 'float32', quantization: { dtype: 'uint8' } }] },
  ],
};

describe('the parts of a graph model', () => {
  it('lists the nodes that compute from the input, each after what it reads, without constants', () => {
    expect(activationNodes(GRAPH)).toEqual([
      { name: 'conv', op: 'Conv2D', step: 1 },
      { name: 'relu', op: 'Relu', step: 2 },
      { name: 'softmax', op: 'Softmax', step: 3 },
    ]);
  });

  it('reads inputs from the Placeholder nodes and outputs as the nodes nothing reads, when there is no signature', () => {
    const info = readGraphModelInfo(GRAPH);
    expect(info.inputs).toEqual([{ name: 'x', shape: [null, 8], dtype: 'float32' }]);
    expect(info.outputs.map((o) => o.name)).toEqual(['softmax', 'shape']);
    expect(info.weights).toEqual({ tensors: 1, values: 36, bytes: 36 });
    expect(info.shards).toEqual([{ paths: ['a.bin', 'b.bin'], bytes: 36 }]);
  });

  it('gives open sizes a value: 1, or what a count of typed numbers fills', () => {
    expect(concreteShape([null, 64, 64, 1])).toEqual([1, 64, 64, 1]);
    expect(concreteShape([null, null], 5)).toEqual([1, 5]);
    expect(concreteShape(null, 3)).toEqual([1, 3]);
    expect(shapeText([null, 7])).toBe('[?, 7]');
  });

  it('draws a vector as classes, a 1- or 3-channel map as a picture, more channels as maps, the rest as values', () => {
    expect(outputView([7])).toBe('classes');
    expect(outputView([256, 256, 1])).toBe('image');
    expect(outputView([31, 31, 32])).toBe('maps');
    expect(outputView([1])).toBe('values');
    expect(outputView([2, 3, 4, 5])).toBe('values');
  });

  it('reads class names from lines, commas, a JSON list or a Keras class index', () => {
    expect(parseLabels('cat\ndog\r\nbird\n')).toEqual(['cat', 'dog', 'bird']);
    expect(parseLabels('cat, dog')).toEqual(['cat', 'dog']);
    expect(parseLabels('["a", "b"]')).toEqual(['a', 'b']);
    expect(parseLabels('{"0": ["n01440764", "tench"], "1": ["n01443537", "goldfish"]}')).toEqual(['tench', 'goldfish']);
  });

  it('takes model.json as the model first, then the other JSON files; the rest are weight files', () => {
    const files = [{ name: 'group1-shard1of1.bin' }, { name: 'labels.json' }, { name: 'web_model/model.json' }];
    expect(modelFileCandidates(files)).toEqual({
      candidates: [{ name: 'web_model/model.json' }, { name: 'labels.json' }],
      others: [{ name: 'group1-shard1of1.bin' }],
    });
    expect(baseName('web_model/model.json')).toBe('model.json');
  });
});
