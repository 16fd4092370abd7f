import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, gradients, kernel, seeded, setUpWasm, tf, weightedSum } from './helpers';

type Pad = 'valid' | 'same' | number | [[0, 0], [number, number], [number, number], [0, 0]];
type Stride = number | [number, number];

beforeAll(() => setUpWasm());

/** Gradients of a weighted sum of `conv2d(x, filter)` w.r.t. x and filter, on cpu and on wasm. */
async function compare(xShape: number[], filterShape: number[], strides: Stride, pad: Pad, dimRoundingMode?: 'floor' | 'round' | 'ceil') {
  const f = (x: tf.Tensor, w: tf.Tensor) =>
    weightedSum(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, strides, pad as 'valid', 'NHWC', 1, dimRoundingMode));
  const inputs: [number[], Float32Array][] = [
    [xShape, seeded(xShape, 1)],
    [filterShape, seeded(filterShape, 2)],
  ];
  const [cpuX, cpuFilter] = await gradients('cpu', f, inputs);
  const [wasmX, wasmFilter] = await gradients('wasm', f, inputs);
  expectClose(wasmFilter!, cpuFilter!, 1e-4, 'filter gradient');
  expectClose(wasmX!, cpuX!, 1e-4, 'input gradient');
}

describe('Conv2DBackpropFilter on wasm matches cpu (tf.grads of conv2d)', () => {
  const kernels: [number, number][] = [
    [1, 1],
    [3, 3],
    [5, 3],
  ];
  const strides: Stride[] = [1, 2, [2, 1]];
  for (const [kh, kw] of kernels) {
    for (const stride of strides) {
      for (const pad of ['valid', 'same'] as const) {
        for (const batch of [1, 3]) {
          it(`kernel ${kh}×${kw}, strides ${stride}, ${pad}, batch ${batch}`, () => compare([batch, 9, 8, 3], [kh, kw, 3, 4], stride, pad));
        }
      }
    }
  }

  it('explicit padding, stride 1', () =>
    compare([2, 7, 6, 2], [3, 3, 2, 3], 1, [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ]));
  it('explicit padding, strides (2,1)', () =>
    compare(
      [2, 8, 7, 2],
      [3, 2, 2, 3],
      [2, 1],
      [
        [0, 0],
        [0, 2],
        [1, 1],
        [0, 0],
      ],
    ));
  it('numeric padding', () => compare([2, 9, 9, 2], [3, 3, 2, 3], 2, 1, 'floor'));
  it('one output row and column (dilation by the stride is moot)', () => compare([2, 4, 4, 2], [3, 3, 2, 3], 2, 'valid'));
  it('a wider layer: 16×16×8 → 16, stride 2, same', () => compare([4, 16, 16, 8], [3, 3, 8, 16], 2, 'same'));
});

describe('Conv2DBackpropFilter kernel attrs the wasm forward pass cannot reach', () => {
  // wasm's Conv2D is NHWC-only and mis-sizes outputs that rounding enlarges, so these are checked
  // kernel against kernel.
  const cases: {
    label: string;
    x: number[];
    filterShape: number[];
    attrs: { strides: Stride; pad: Pad | number[][]; dimRoundingMode?: string };
  }[] = [
    { label: 'NCHW, valid, stride 1', x: [2, 3, 7, 6], filterShape: [3, 3, 3, 4], attrs: { strides: 1, pad: 'valid' } },
    { label: 'NCHW, same, stride 2', x: [3, 2, 9, 8], filterShape: [3, 3, 2, 4], attrs: { strides: 2, pad: 'same' } },
    { label: 'NCHW, 5×3, strides (2,1), same', x: [1, 2, 9, 8], filterShape: [5, 3, 2, 3], attrs: { strides: [2, 1], pad: 'same' } },
    {
      label: 'NCHW, explicit padding',
      x: [2, 2, 6, 6],
      filterShape: [3, 3, 2, 3],
      attrs: {
        strides: 1,
        pad: [
          [0, 0],
          [0, 0],
          [2, 2],
          [1, 0],
        ],
      },
    },
    {
      label: 'NHWC, numeric pad 1, ceil',
      x: [2, 8, 8, 2],
      filterShape: [3, 3, 2, 3],
      attrs: { strides: 2, pad: 1, dimRoundingMode: 'ceil' },
    },
    {
      label: 'NHWC, numeric pad 1, round',
      x: [2, 8, 8, 2],
      filterShape: [3, 3, 2, 3],
      attrs: { strides: 2, pad: 1, dimRoundingMode: 'round' },
    },
  ];
  for (const c of cases) {
    it(c.label, async () => {
      const dataFormat = c.label.startsWith('NCHW') ? 'NCHW' : 'NHWC';
      const dy = tf.backend_util.computeConv2DInfo(
        c.x as [number, number, number, number],
        c.filterShape as [number, number, number, number],
        c.attrs.strides,
        1,
        c.attrs.pad as 'valid',
        c.attrs.dimRoundingMode as 'ceil',
        false,
        dataFormat === 'NCHW' ? 'channelsFirst' : 'channelsLast',
      ).outShape;
      const inputs = { x: [c.x, seeded(c.x, 3)], dy: [dy, seeded(dy, 4)] } as const;
      const attrs = { ...c.attrs, dataFormat, filterShape: c.filterShape };
      const cpu = await kernel('cpu', 'Conv2DBackpropFilter', inputs as never, attrs);
      const wasm = await kernel('wasm', 'Conv2DBackpropFilter', inputs as never, attrs);
      expect(wasm.shape).toEqual(c.filterShape);
      expectClose(wasm.values as Float32Array, cpu.values as Float32Array);
    });
  }
});

describe('Conv2DBackpropFilter bookkeeping', () => {
  it('is registered for wasm and used by tf.grads there', async () => {
    await tf.setBackend('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
    const w = tf.ones([2, 2, 1, 1]) as tf.Tensor4D;
    const g = tf.grad((k: tf.Tensor) => tf.sum(tf.conv2d(x, k as tf.Tensor4D, 1, 'valid')))(w);
    expect(Array.from(await g.data())).toEqual([9, 9, 9, 9]);
    tf.dispose([x, w, g]);
  });
});
