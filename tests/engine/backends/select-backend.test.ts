import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BackendProbe, convTrainProbe, initBackend, measureBackends, registerWasmGradientKernels } from '../../../engine/backends';
import { tf } from './helpers';

const KERNELS = ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum'];

// In Node the webgl backend is registered by @tensorflow/tfjs but cannot start; TF.js logs why.
beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('registerWasmGradientKernels', () => {
  it('adds exactly the missing kernels, once', async () => {
    registerWasmGradientKernels(tf);
    for (const name of KERNELS) tf.unregisterKernel(name, 'wasm');
    await tf.setBackend('wasm');
    const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
    const w = tf.ones([2, 2, 1, 1]) as tf.Tensor4D;
    const filterGrad = tf.grad((k: tf.Tensor) => tf.sum(tf.conv2d(x, k as tf.Tensor4D, 1, 'valid')));
    expect(() => filterGrad(w)).toThrow(/Conv2DBackpropFilter/);

    expect(registerWasmGradientKernels(tf).sort()).toEqual([...KERNELS].sort());
    expect(registerWasmGradientKernels(tf)).toEqual([]);
    const g = filterGrad(w);
    expect(Array.from(await g.data())).toEqual([9, 9, 9, 9]);
    tf.dispose([x, w, g]);
  });

  it('registers for wasm only and leaves the cpu kernels alone', () => {
    const cpuBefore = KERNELS.map((k) => tf.getKernel(k, 'cpu'));
    registerWasmGradientKernels(tf);
    expect(KERNELS.map((k) => tf.getKernel(k, 'cpu'))).toEqual(cpuBefore);
    for (const k of KERNELS) expect(tf.getKernel(k, 'wasm')?.backendName).toBe('wasm');
  });
});

describe('initBackend', () => {
  it('skips a backend that cannot start (webgl in Node) and takes the next', async () => {
    expect(await initBackend(tf, ['webgl', 'wasm', 'cpu'])).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    for (const k of KERNELS) expect(tf.getKernel(k, 'wasm')).toBeDefined();
  });

  it('honours the order given', async () => {
    expect(await initBackend(tf, ['cpu', 'wasm'])).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('throws when nothing in the list can start', async () => {
    await expect(initBackend(tf, [])).rejects.toThrow(/No TF.js backend/);
    await expect(initBackend(tf, ['webgl'])).rejects.toThrow(/webgl/);
    await tf.setBackend('cpu');
  });
});

describe('measureBackends', () => {
  it('times a CNN train step on each candidate and keeps the fastest', async () => {
    await tf.setBackend('cpu');
    const tensors = tf.memory().numTensors;
    const { backend, figures } = await measureBackends(tf, ['webgl', 'cpu', 'wasm'], convTrainProbe({ batch: 8, imageSize: 12 }), {
      minSteps: 2,
      minMs: 50,
    });
    expect(figures.map((f) => f.backend)).toEqual(['webgl', 'cpu', 'wasm']);
    expect(figures[0]!.error).toBeDefined();
    for (const f of figures.slice(1)) {
      expect(f.error).toBeUndefined();
      expect(f.steps).toBeGreaterThanOrEqual(2);
      expect(f.samplesPerSecond).toBeGreaterThan(0);
    }
    expect(backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    await tf.setBackend('cpu');
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('goes by the measurement, not the name', async () => {
    // A workload that happens to be slower on wasm.
    const probe: BackendProbe = (t) => {
      const slow = t.getBackend() === 'wasm';
      return {
        samplesPerStep: 1,
        step: () => new Promise((resolve) => setTimeout(resolve, slow ? 20 : 2)),
        dispose: () => {},
      };
    };
    const { backend, figures } = await measureBackends(tf, ['wasm', 'cpu'], probe, { minSteps: 3, minMs: 0 });
    expect(backend).toBe('cpu');
    expect(figures[1]!.samplesPerSecond).toBeGreaterThan(figures[0]!.samplesPerSecond);
  });

  it('stops timing a candidate once it is clearly slower than the best so far', async () => {
    const probe: BackendProbe = (t) => {
      const delay = t.getBackend() === 'cpu' ? 40 : 1;
      return { samplesPerStep: 1, step: () => new Promise((resolve) => setTimeout(resolve, delay)), dispose: () => {} };
    };
    const { backend, figures } = await measureBackends(tf, ['wasm', 'cpu'], probe, { minSteps: 10, minMs: 0 });
    expect(backend).toBe('wasm');
    expect(figures[0]!.steps).toBe(10);
    expect(figures[1]!.steps).toBe(1);
  });

  it('reports a probe that fails on a backend and skips it', async () => {
    const probe: BackendProbe = (t) => {
      if (t.getBackend() === 'wasm') throw new Error('kernel missing');
      return { samplesPerStep: 4, step: () => {}, dispose: () => {} };
    };
    const { backend, figures } = await measureBackends(tf, ['wasm', 'cpu'], probe, { minSteps: 1, minMs: 0 });
    expect(backend).toBe('cpu');
    expect(figures[0]).toMatchObject({ backend: 'wasm', error: 'kernel missing', samplesPerSecond: 0 });
  });

  it('tells who is being measured, of how many, as each measurement begins and ends', async () => {
    const probe: BackendProbe = () => ({
      samplesPerStep: 2,
      step: () => new Promise((resolve) => setTimeout(resolve, 2)),
      dispose: () => {},
    });
    const seen: string[] = [];
    await measureBackends(tf, ['wasm', 'cpu'], probe, {
      minSteps: 2,
      minMs: 0,
      onProgress: (p) => seen.push(`${p.backend} ${p.index + 1}/${p.count} ${p.figures ? `done ${p.figures.steps} steps` : 'begins'}`),
    });
    expect(seen).toEqual([
      'wasm 1/2 begins',
      'wasm 1/2 done 2 steps',
      'cpu 2/2 begins',
      expect.stringMatching(/^cpu 2\/2 done [12] steps$/),
    ]);
  });

  it('throws when no candidate can run the probe', async () => {
    await expect(measureBackends(tf, ['webgl'], convTrainProbe({ batch: 2, imageSize: 8 }))).rejects.toThrow(/webgl/);
    await tf.setBackend('cpu');
  });
});
