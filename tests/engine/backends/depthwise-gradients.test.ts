import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, gradients, kernel, seeded, setUpWasm, tf, weightedSum } from './helpers';

type Pair = number | [number, number];

beforeAll(() => setUpWasm());

/** Gradients of a weighted sum of `depthwiseConv2d(x, filter)` w.r.t. x and filter, on cpu and on wasm. */
async function compare(xShape: number[], filterShape: number[], strides: Pair, pad: 'valid' | 'same') {
  const f = (x: tf.Tensor, w: tf.Tensor) => weightedSum(tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, strides, pad));
  const inputs: [number[], Float32Array][] = [
    [xShape, seeded(xShape, 5)],
    [filterShape, seeded(filterShape, 6)],
  ];
  const [cpuX, cpuFilter] = await gradients('cpu', f, inputs);
  const [wasmX, wasmFilter] = await gradients('wasm', f, inputs);
  expectClose(wasmFilter!, cpuFilter!, 1e-4, 'filter gradient');
  expectClose(wasmX!, cpuX!, 1e-4, 'input gradient');
}

describe('depthwise gradients on wasm match cpu (tf.grads of depthwiseConv2d)', () => {
  const kernels: [number, number][] = [
    [1, 1],
    [3, 3],
    [5, 3],
  ];
  const strides: Pair[] = [1, 2, [2, 1]];
  for (const [kh, kw] of kernels) {
    for (const stride of strides) {
      for (const pad of ['valid', 'same'] as const) {
        for (const multiplier of [1, 2]) {
          for (const batch of [1, 3]) {
            it(`kernel ${kh}×${kw}, strides ${stride}, ${pad}, multiplier ${multiplier}, batch ${batch}`, () =>
              compare([batch, 9, 8, 3], [kh, kw, 3, multiplier], stride, pad));
          }
        }
      }
    }
  }
  it('a MobileNet-like block: 14×14×16, stride 2, same', () => compare([2, 14, 14, 16], [3, 3, 16, 1], 2, 'same'));

  it('separableConv2d (depthwise then pointwise)', async () => {
    const f = (x: tf.Tensor, d: tf.Tensor, p: tf.Tensor) =>
      weightedSum(tf.separableConv2d(x as tf.Tensor4D, d as tf.Tensor4D, p as tf.Tensor4D, 2, 'same'));
    const shapes = [
      [2, 9, 9, 3],
      [3, 3, 3, 2],
      [1, 1, 6, 4],
    ];
    const inputs = shapes.map((s, i) => [s, seeded(s, 10 + i)] as [number[], Float32Array]);
    const cpu = await gradients('cpu', f, inputs);
    const wasm = await gradients('wasm', f, inputs);
    for (const [i, what] of ['input', 'depthwise filter', 'pointwise filter'].entries()) {
      expectClose(wasm[i]!, cpu[i]!, 1e-4, what);
    }
  });
});

/**
 * TF.js refuses gradients of dilated depthwise convolutions and its cpu backprop kernels ignore the
 * dilation attr, so the reference here is exact algebra instead: a filter dilated by `d` is the same
 * convolution as the undilated filter with `d−1` zeros between taps, whose gradients cpu computes;
 * the dilated filter's gradient is every `d`-th tap of that.
 */
describe('dilated depthwise kernels on wasm match the zero-spread filter on cpu', () => {
  const cases: { x: number[]; filter: number[]; strides: Pair; dilations: Pair; pad: 'valid' | 'same' }[] = [];
  for (const filter of [
    [3, 3, 3, 1],
    [5, 3, 3, 2],
  ]) {
    for (const dilations of [2, [2, 1]] as Pair[]) {
      for (const pad of ['valid', 'same'] as const) {
        for (const batch of [1, 3]) cases.push({ x: [batch, 12, 11, 3], filter, strides: 1, dilations, pad });
      }
    }
  }
  // Stride and dilation both above 1: no forward op allows it, the kernels still answer.
  cases.push({ x: [2, 13, 12, 3], filter: [3, 3, 3, 2], strides: 2, dilations: 2, pad: 'same' });
  cases.push({ x: [2, 13, 12, 3], filter: [3, 2, 3, 1], strides: [2, 1], dilations: [1, 2], pad: 'valid' });

  for (const c of cases) {
    const label = `filter ${c.filter.join('×')}, strides ${c.strides}, dilations ${c.dilations}, ${c.pad}, batch ${c.x[0]}`;
    it(label, async () => {
      const [dh, dw] = typeof c.dilations === 'number' ? [c.dilations, c.dilations] : c.dilations;
      const [fh, fw, ch, m] = c.filter as [number, number, number, number];
      const spread = [(fh - 1) * dh + 1, (fw - 1) * dw + 1, ch, m];
      const filterValues = seeded(c.filter, 7);
      const spreadValues = new Float32Array(spread.reduce((a, b) => a * b));
      const at = (a: number, b: number, k: number, shape: number[]) => ((a * shape[1]! + b) * ch + k) * m;
      for (let a = 0; a < fh; a++)
        for (let b = 0; b < fw; b++)
          for (let k = 0; k < ch * m; k++) spreadValues[at(a * dh, b * dw, 0, spread) + k] = filterValues[at(a, b, 0, c.filter) + k]!;

      const xValues = seeded(c.x, 8);
      const f = (x: tf.Tensor, w: tf.Tensor) => weightedSum(tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad));
      const [refX, refSpread] = await gradients('cpu', f, [
        [c.x, xValues],
        [spread, spreadValues],
      ]);
      const refFilter = new Float32Array(filterValues.length);
      for (let a = 0; a < fh; a++)
        for (let b = 0; b < fw; b++)
          for (let k = 0; k < ch * m; k++) refFilter[at(a, b, 0, c.filter) + k] = refSpread![at(a * dh, b * dw, 0, spread) + k]!;

      const yShape = tf.backend_util.computeConv2DInfo(
        c.x as [number, number, number, number],
        c.filter as [number, number, number, number],
        c.strides,
        c.dilations,
        c.pad,
        undefined,
        true,
      ).outShape;
      const dy = seeded(yShape, 99); // the gradient weightedSum sends into y
      const attrs = { strides: c.strides, dilations: c.dilations, pad: c.pad };
      const filterGrad = await kernel(
        'wasm',
        'DepthwiseConv2dNativeBackpropFilter',
        { x: [c.x, xValues], dy: [yShape, dy] },
        { ...attrs, filterShape: c.filter },
      );
      const inputGrad = await kernel(
        'wasm',
        'DepthwiseConv2dNativeBackpropInput',
        { dy: [yShape, dy], filter: [c.filter, filterValues] },
        { ...attrs, inputShape: c.x },
      );
      expect(filterGrad.shape).toEqual(c.filter);
      expect(inputGrad.shape).toEqual(c.x);
      expectClose(filterGrad.values as Float32Array, refFilter, 1e-4, 'filter gradient');
      expectClose(inputGrad.values as Float32Array, refX!, 1e-4, 'input gradient');
    });
  }
});
