import { beforeAll, describe, expect, it } from 'vitest';
import { compareConv2dGradients, compareConv2dKernel, conv2dGradientCases, conv2dKernelCases } from './conv2d-cases';
import { setUpWasm, tf } from './helpers';

// wasm's own Conv2DBackpropInput computes the input gradients here.
beforeAll(() => setUpWasm());

describe('Conv2DBackpropFilter on wasm matches cpu (tf.grads of conv2d)', () => {
  for (const c of conv2dGradientCases()) it(c.label, () => compareConv2dGradients(c));
});

describe('Conv2DBackpropFilter kernel against cpu, for attrs the wasm forward pass cannot reach', () => {
  for (const c of conv2dKernelCases) it(c.label, () => compareConv2dKernel('Conv2DBackpropFilter', c));
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
