import { describe, expect, it } from 'vitest';
import { isLayerIssue } from '../../../engine/diagnostics';
import { paramsFromKerasConfig } from '../../../engine/keras/config';
import { layerSpec } from '../../../engine/layers/registry';
import type { Shape } from '../../../engine/shape';

/**
 * Rules of the convolution, pooling and padding specs that the TF.js parity table cannot show:
 * issues we report where TF.js would build a layer that fails later or reports a nonsense size,
 * FLOP estimates, node text and the Keras config forms we accept.
 */
function run(type: string, raw: Record<string, unknown>, inputs: Shape[]) {
  const spec = layerSpec(type);
  if (!spec) throw new Error(`no spec ${type}`);
  const params = spec.params.parse(raw);
  const outputs = spec.outputShape(inputs, params);
  return { spec, params, outputs };
}

describe('issues instead of layers that fail later', () => {
  const table: { type: string; params: Record<string, unknown>; input: Shape; code: string; field?: string }[] = [
    {
      type: 'conv1d',
      params: { kernelSize: 3, strides: 2, dilationRate: 2 },
      input: [null, 20, 2],
      code: 'invalid_param',
      field: 'dilationRate',
    },
    { type: 'conv3d', params: { strides: 2, dilationRate: 2 }, input: [null, 9, 9, 9, 1], code: 'invalid_param', field: 'dilationRate' },
    {
      type: 'separableConv2d',
      params: { strides: 2, dilationRate: 2 },
      input: [null, 9, 9, 3],
      code: 'invalid_param',
      field: 'dilationRate',
    },
    { type: 'separableConv2d', params: { dataFormat: 'channelsFirst' }, input: [null, 3, 9, 9], code: 'invalid_param', field: 'useBias' },
    { type: 'conv1d', params: { kernelSize: 5 }, input: [null, 3, 2], code: 'invalid_shape' },
    { type: 'maxPooling2d', params: { poolSize: 3 }, input: [null, 2, 2, 3], code: 'invalid_shape' },
    { type: 'cropping2d', params: { cropping: 3 }, input: [null, 4, 5, 3], code: 'invalid_shape' },
    { type: 'conv3dTranspose', params: {}, input: [null, 4, 4, 4, null], code: 'shape_mismatch' },
    { type: 'globalAveragePooling2d', params: {}, input: [null, 64], code: 'rank_mismatch' },
  ];
  for (const row of table) {
    it(`${row.type} ${JSON.stringify(row.params)} on ${JSON.stringify(row.input)} → ${row.code}`, () => {
      const { outputs } = run(row.type, row.params, [row.input]);
      expect(isLayerIssue(outputs)).toBe(true);
      expect(outputs).toMatchObject({ code: row.code, ...(row.field ? { field: row.field } : {}) });
      expect((outputs as { hint?: string }).hint).toBeTruthy();
    });
  }

  it('says what the layer needs and how to fix the input', () => {
    const { outputs } = run('conv2d', {}, [[null, 784]]);
    expect(outputs).toMatchObject({
      code: 'rank_mismatch',
      port: 0,
      message: 'Conv2D needs images (height, width, channels), but gets 1 axis per sample.',
    });
    expect((outputs as { hint: string }).hint).toContain('Reshape');
    const first = run('maxPooling3d', { dataFormat: 'channelsFirst' }, [[null, 3, 8, 8]]).outputs;
    expect((first as { message: string }).message).toContain('(channels, depth, height, width)');
  });
});

describe('shapes TF.js gets wrong', () => {
  it('keeps an unknown height unknown when cropping (TF.js reports a negative size)', () => {
    expect(run('cropping2d', { cropping: [1, 2] }, [[null, null, 9, 3]]).outputs).toEqual([[null, null, 5, 3]]);
  });
});

describe('FLOPs per sample', () => {
  const table: { type: string; params: Record<string, unknown>; input: Shape; flops: number }[] = [
    // 6×6 positions × 4 filters × 2 channels × 9 taps, two FLOPs per multiply-add.
    { type: 'conv2d', params: { filters: 4 }, input: [null, 8, 8, 2], flops: 2 * 36 * 4 * 2 * 9 },
    // Transposed: every one of the 4×4 input positions feeds 9 taps × 3 channels × 2 filters.
    { type: 'conv2dTranspose', params: { filters: 2, strides: 2 }, input: [null, 4, 4, 3], flops: 2 * 16 * 9 * 3 * 2 },
    { type: 'depthwiseConv2d', params: { depthMultiplier: 2 }, input: [null, 8, 8, 3], flops: 2 * 36 * 9 * 3 * 2 },
    // Depthwise (9 taps) plus pointwise (5 filters) on 6×6 positions of 3 channels.
    { type: 'separableConv2d', params: { filters: 5 }, input: [null, 8, 8, 3], flops: 2 * 36 * 3 * (9 + 5) },
    { type: 'maxPooling2d', params: {}, input: [null, 8, 8, 3], flops: 16 * 3 * 4 },
    { type: 'globalAveragePooling1d', params: {}, input: [null, 10, 4], flops: 40 },
    { type: 'zeroPadding2d', params: {}, input: [null, 4, 4, 3], flops: 0 },
    { type: 'upSampling2d', params: { interpolation: 'bilinear' }, input: [null, 2, 2, 1], flops: 8 * 16 },
  ];
  for (const row of table) {
    it(`${row.type} ${JSON.stringify(row.params)}`, () => {
      const { spec, params, outputs } = run(row.type, row.params, [row.input]);
      if (isLayerIssue(outputs)) throw new Error(outputs.message);
      expect(spec.flops?.([row.input], outputs, params)).toBe(row.flops);
    });
  }
});

describe('node text', () => {
  const table: [string, Record<string, unknown>, string][] = [
    ['conv1d', { filters: 16, kernelSize: 5, activation: 'relu' }, '16 · 5 · relu'],
    ['conv2dTranspose', { filters: 8, strides: 2 }, '8 · 3×3 ↑2×2'],
    ['depthwiseConv2d', { depthMultiplier: 2 }, '×2 · 3×3'],
    ['maxPooling2d', {}, '2×2'],
    ['averagePooling1d', { poolSize: 3, strides: 1, padding: 'same' }, '3 /1 · same'],
    [
      'zeroPadding2d',
      {
        padding: [
          [1, 2],
          [0, 0],
        ],
      },
      '1+2 × 0+0',
    ],
    ['cropping2d', { cropping: 2 }, '2'],
    ['upSampling2d', { size: [2, 3], interpolation: 'bilinear' }, '×2×3 · bilinear'],
  ];
  for (const [type, raw, text] of table) {
    it(`${type} ${JSON.stringify(raw)} → ${text}`, () => {
      const { spec, params } = run(type, raw, []);
      expect(spec.summary?.(params)).toBe(text);
    });
  }
});

describe('Keras config forms', () => {
  const table: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'zeroPadding2d',
      { padding: 2, data_format: 'channels_first' },
      {
        padding: [
          [2, 2],
          [2, 2],
        ],
        dataFormat: 'channelsFirst',
      },
    ],
    [
      'zeroPadding2d',
      { padding: [1, 3] },
      {
        padding: [
          [1, 1],
          [3, 3],
        ],
      },
    ],
    [
      'cropping2d',
      {
        cropping: [
          [0, 1],
          [2, 3],
        ],
      },
      {
        cropping: [
          [0, 1],
          [2, 3],
        ],
      },
    ],
    ['maxPooling1d', { pool_size: [3], strides: null, padding: 'valid' }, { poolSize: [3], strides: null }],
    ['averagePooling2d', { pool_size: 2, strides: [1, 1] }, { poolSize: [2, 2], strides: [1, 1] }],
    ['upSampling2d', { size: [2, 2], interpolation: 'bilinear' }, { size: [2, 2], interpolation: 'bilinear' }],
    [
      'conv1d',
      { filters: 4, kernel_size: [3], padding: 'causal', dilation_rate: [2] },
      { kernelSize: [3], padding: 'causal', dilationRate: [2] },
    ],
  ];
  for (const [type, config, expected] of table) {
    it(`${type} reads ${JSON.stringify(config)}`, () => {
      const spec = layerSpec(type);
      if (!spec) throw new Error(`no spec ${type}`);
      expect(spec.params.parse(paramsFromKerasConfig(spec, config).params)).toMatchObject(expected);
    });
  }

  it('reports the Keras settings TF.js 4.22 cannot honour as dropped', () => {
    const conv1d = layerSpec('conv1d');
    const separable = layerSpec('separableConv2d');
    if (!conv1d || !separable) throw new Error('missing specs');
    expect(paramsFromKerasConfig(conv1d, { filters: 4, kernel_size: [3], data_format: 'channels_first' }).ignored).toEqual(['data_format']);
    expect(paramsFromKerasConfig(separable, { filters: 4, kernel_size: [3, 3], pointwise_initializer: 'he_normal' }).ignored).toEqual([
      'pointwise_initializer',
    ]);
  });
});
