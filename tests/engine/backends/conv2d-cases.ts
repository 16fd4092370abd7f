import { expect } from 'vitest';
import { expectClose, gradients, kernel, seeded, tf, weightedSum } from './helpers';

export type Pad = 'valid' | 'same' | number | number[][];
export type Stride = number | [number, number];
type Rounding = 'floor' | 'round' | 'ceil';

export interface GradientCase {
  label: string;
  x: number[];
  filter: number[];
  strides: Stride;
  pad: Pad;
  dimRoundingMode?: Rounding;
}

/** Strides 1, 2, (2,1) × valid/same × kernels 1×1, 3×3, 5×3 × batch 1 and 3, plus explicit and numeric padding. */
export function conv2dGradientCases(): GradientCase[] {
  const cases: GradientCase[] = [];
  for (const [kh, kw] of [
    [1, 1],
    [3, 3],
    [5, 3],
  ]) {
    for (const strides of [1, 2, [2, 1]] as Stride[]) {
      for (const pad of ['valid', 'same'] as const) {
        for (const batch of [1, 3]) {
          cases.push({
            label: `kernel ${kh}×${kw}, strides ${strides}, ${pad}, batch ${batch}`,
            x: [batch, 9, 8, 3],
            filter: [kh!, kw!, 3, 4],
            strides,
            pad,
          });
        }
      }
    }
  }
  const explicit = (top: number, bottom: number, left: number, right: number) => [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
  cases.push(
    { label: 'explicit padding, stride 1', x: [2, 7, 6, 2], filter: [3, 3, 2, 3], strides: 1, pad: explicit(1, 2, 2, 0) },
    { label: 'explicit padding, strides (2,1)', x: [2, 8, 7, 2], filter: [3, 2, 2, 3], strides: [2, 1], pad: explicit(0, 2, 1, 1) },
    { label: 'numeric padding', x: [2, 9, 9, 2], filter: [3, 3, 2, 3], strides: 2, pad: 1, dimRoundingMode: 'floor' },
    { label: 'one output row and column', x: [2, 4, 4, 2], filter: [3, 3, 2, 3], strides: 2, pad: 'valid' },
    { label: 'a wider layer: 16×16×8 → 16, stride 2, same', x: [4, 16, 16, 8], filter: [3, 3, 8, 16], strides: 2, pad: 'same' },
  );
  return cases;
}

/** Both gradients of a weighted sum of `conv2d(x, filter)`, by `tf.grads` on cpu and on wasm. */
export async function compareConv2dGradients(c: GradientCase): Promise<void> {
  const f = (x: tf.Tensor, w: tf.Tensor) =>
    weightedSum(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad as 'valid', 'NHWC', 1, c.dimRoundingMode));
  const inputs: [number[], Float32Array][] = [
    [c.x, seeded(c.x, 1)],
    [c.filter, seeded(c.filter, 2)],
  ];
  const [cpuX, cpuFilter] = await gradients('cpu', f, inputs);
  const [wasmX, wasmFilter] = await gradients('wasm', f, inputs);
  expectClose(wasmFilter!, cpuFilter!, 1e-4, 'filter gradient');
  expectClose(wasmX!, cpuX!, 1e-4, 'input gradient');
}

export interface KernelCase {
  label: string;
  dataFormat: 'NHWC' | 'NCHW';
  x: number[];
  filter: number[];
  strides: Stride;
  pad: Pad;
  dimRoundingMode?: Rounding;
}

/** Attrs the wasm forward pass cannot reach: it is NHWC-only and mis-sizes outputs that rounding enlarges. */
export const conv2dKernelCases: KernelCase[] = [
  { label: 'NCHW, valid, stride 1', dataFormat: 'NCHW', x: [2, 3, 7, 6], filter: [3, 3, 3, 4], strides: 1, pad: 'valid' },
  { label: 'NCHW, same, stride 2', dataFormat: 'NCHW', x: [3, 2, 9, 8], filter: [3, 3, 2, 4], strides: 2, pad: 'same' },
  { label: 'NCHW, 5×3, strides (2,1), same', dataFormat: 'NCHW', x: [1, 2, 9, 8], filter: [5, 3, 2, 3], strides: [2, 1], pad: 'same' },
  {
    label: 'NCHW, explicit padding',
    dataFormat: 'NCHW',
    x: [2, 2, 6, 6],
    filter: [3, 3, 2, 3],
    strides: 1,
    pad: [
      [0, 0],
      [0, 0],
      [2, 2],
      [1, 0],
    ],
  },
  {
    label: 'NHWC, numeric pad 1, ceil',
    dataFormat: 'NHWC',
    x: [2, 8, 8, 2],
    filter: [3, 3, 2, 3],
    strides: 2,
    pad: 1,
    dimRoundingMode: 'ceil',
  },
  {
    label: 'NHWC, numeric pad 1, round',
    dataFormat: 'NHWC',
    x: [2, 8, 8, 2],
    filter: [3, 3, 2, 3],
    strides: 2,
    pad: 1,
    dimRoundingMode: 'round',
  },
];

/** Runs `Conv2DBackpropFilter` or `Conv2DBackpropInput` directly on cpu and on wasm and compares them. */
export async function compareConv2dKernel(name: 'Conv2DBackpropFilter' | 'Conv2DBackpropInput', c: KernelCase): Promise<void> {
  const dy = tf.backend_util.computeConv2DInfo(
    c.x as [number, number, number, number],
    c.filter as [number, number, number, number],
    c.strides,
    1,
    c.pad as 'valid',
    c.dimRoundingMode,
    false,
    c.dataFormat === 'NCHW' ? 'channelsFirst' : 'channelsLast',
  ).outShape;
  const common = { strides: c.strides, pad: c.pad, dataFormat: c.dataFormat, dimRoundingMode: c.dimRoundingMode };
  const [inputs, attrs, outShape] =
    name === 'Conv2DBackpropFilter'
      ? [{ x: [c.x, seeded(c.x, 3)], dy: [dy, seeded(dy, 4)] }, { ...common, filterShape: c.filter }, c.filter]
      : [{ dy: [dy, seeded(dy, 4)], filter: [c.filter, seeded(c.filter, 5)] }, { ...common, inputShape: c.x }, c.x];
  const cpu = await kernel('cpu', name, inputs as never, attrs);
  const wasm = await kernel('wasm', name, inputs as never, attrs);
  expect(wasm.shape).toEqual(outShape);
  expectClose(wasm.values as Float32Array, cpu.values as Float32Array);
}
