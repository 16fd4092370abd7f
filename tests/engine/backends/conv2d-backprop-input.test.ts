import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmGradientKernels } from '../../../engine/backends';
import { compareConv2dGradients, compareConv2dKernel, conv2dGradientCases, conv2dKernelCases } from './conv2d-cases';
import { expectClose, gradients, on, seeded, setUpWasm, tf, weightedSum } from './helpers';

// Every test in this file runs with the composed Conv2DBackpropInput in place of wasm's own.
beforeAll(async () => {
  await setUpWasm();
  registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
});

describe('replaceConv2DBackpropInput', () => {
  it('swaps the kernel in once', () => {
    const kernel = tf.getKernel('Conv2DBackpropInput', 'wasm');
    expect(kernel?.setupFunc).toBeUndefined(); // wasm's own binds its C function in a setupFunc
    expect(registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true })).toEqual([]);
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')).toBe(kernel);
  });
});

describe('composed Conv2DBackpropInput on wasm matches cpu (tf.grads of conv2d)', () => {
  for (const c of conv2dGradientCases()) it(c.label, () => compareConv2dGradients(c));
});

describe('composed Conv2DBackpropInput kernel against cpu, for attrs the wasm forward pass cannot reach', () => {
  for (const c of conv2dKernelCases) it(c.label, () => compareConv2dKernel('Conv2DBackpropInput', c));
});

describe('conv2dTranspose, whose forward pass is Conv2DBackpropInput', () => {
  for (const [strides, pad] of [
    [1, 'same'],
    [2, 'same'],
    [2, 'valid'],
  ] as const) {
    it(`strides ${strides}, ${pad}: output and both gradients`, async () => {
      const outShape: [number, number, number, number] = [2, 8, 8, 3];
      const dyShape =
        pad === 'same' ? [2, 8 / strides, 8 / strides, 4] : [2, (8 - 3) / strides + 1, (8 - 3) / strides + 1, 4].map(Math.floor);
      const f = (y: tf.Tensor, w: tf.Tensor) => weightedSum(tf.conv2dTranspose(y as tf.Tensor4D, w as tf.Tensor4D, outShape, strides, pad));
      const inputs: [number[], Float32Array][] = [
        [dyShape, seeded(dyShape, 6)],
        [[3, 3, 3, 4], seeded([3, 3, 3, 4], 7)],
      ];
      const output = (backend: 'cpu' | 'wasm') =>
        on(backend, async () => {
          const [y, w] = inputs.map(([shape, values]) => tf.tensor4d(values, shape as [number, number, number, number])) as [
            tf.Tensor4D,
            tf.Tensor4D,
          ];
          const out = tf.conv2dTranspose(y, w, outShape, strides, pad);
          const values = await out.data<'float32'>();
          tf.dispose([y, w, out]);
          return values;
        });
      expectClose(await output('wasm'), await output('cpu'), 1e-4, 'output');
      const cpu = await gradients('cpu', f, inputs);
      const wasm = await gradients('wasm', f, inputs);
      expectClose(wasm[0]!, cpu[0]!, 1e-4, 'input gradient');
      expectClose(wasm[1]!, cpu[1]!, 1e-4, 'filter gradient');
    });
  }
});
