import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, gradients, seeded, setUpWasm, tf } from './helpers';

beforeAll(() => setUpWasm());

describe('composed kernels', () => {
  it('accept bare TensorInfos, as a backend calling a kernel function directly passes them', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const ids = tf.tensor1d([2, 0, 2], 'int32');
    const tensors = tf.memory().numTensors;
    const buffers = tf.engine().backend.numDataIds();

    const info = (t: tf.Tensor): tf.TensorInfo => ({ dataId: t.dataId, shape: t.shape, dtype: t.dtype });
    const out = tf.getKernel('UnsortedSegmentSum', 'wasm')!.kernelFunc({
      inputs: { x: info(x), segmentIds: info(ids) },
      backend: tf.backend(),
      attrs: { numSegments: 3 },
    }) as tf.TensorInfo;
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(buffers + 1);

    const result = tf.engine().makeTensorFromTensorInfo(out);
    expect(Array.from(await result.data())).toEqual([3, 4, 0, 0, 1 + 5, 2 + 6]);
    result.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
    expect(Array.from(await x.data())).toEqual([1, 2, 3, 4, 5, 6]);
    tf.dispose([x, ids]);
  });

  // Here the kernels run while an outer gradient is being recorded: the engine records the kernel
  // itself and keeps the ops inside it off the tape.
  it('work inside a recorded gradient (second-order conv2d)', async () => {
    const xShape = [2, 6, 5, 2];
    const wShape = [3, 3, 2, 3];
    const f = (x: tf.Tensor, w: tf.Tensor) => {
      const dx = tf.grad((x2: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x2 as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'))))(x);
      return tf.sum(tf.square(dx));
    };
    const inputs: [number[], Float32Array][] = [
      [xShape, seeded(xShape, 51)],
      [wShape, seeded(wShape, 52)],
    ];
    const cpu = await gradients('cpu', f, inputs);
    const wasm = await gradients('wasm', f, inputs);
    expectClose(wasm[1]!, cpu[1]!, 1e-4, 'second-order filter gradient');
  });

  it('work inside a recorded gradient (second-order embedding)', async () => {
    const f = (t: tf.Tensor) => {
      const ids = tf.tensor1d([3, 1, 3, 0, 3], 'int32');
      return tf.sum(tf.square(tf.grad((t2: tf.Tensor) => tf.sum(tf.pow(tf.gather(t2, ids), 3)))(t)));
    };
    const inputs: [number[], Float32Array][] = [[[5, 4], seeded([5, 4], 53)]];
    const cpu = await gradients('cpu', f, inputs);
    const wasm = await gradients('wasm', f, inputs);
    expectClose(wasm[0]!, cpu[0]!, 1e-4, 'second-order table gradient');
  });
});
