import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, gradients, kernel, on, seeded, setUpWasm, tf, weightedSum } from './helpers';

beforeAll(() => setUpWasm());

/** Ids in [0, vocab) with deliberate repeats, so the scatter has to add, not overwrite. */
function ids(count: number, vocab: number, seed: number): Int32Array {
  const r = seeded([count], seed);
  return Int32Array.from(r, (v, i) => (i % 5 === 4 ? 0 : Math.floor(((v + 1) / 2) * vocab) % vocab));
}

/** out[k] = Σ rows j with ids[j] = k, for ids of any rank over the first axes of x; other ids are dropped. */
function segmentSumReference(x: Float32Array, idValues: Int32Array, numSegments: number): Float32Array {
  const row = x.length / idValues.length;
  const out = new Float32Array(numSegments * row);
  idValues.forEach((id, j) => {
    if (id < 0 || id >= numSegments) return;
    for (let k = 0; k < row; k++) out[id * row + k]! += x[j * row + k]!;
  });
  return out;
}

describe('Embedding gradient (gather → UnsortedSegmentSum) on wasm', () => {
  const sizes: { vocab: number; dim: number; idShape: number[]; cpu: boolean }[] = [
    { vocab: 10, dim: 4, idShape: [3, 7], cpu: true },
    { vocab: 1000, dim: 16, idShape: [8, 12], cpu: true },
    // cpu's kernel loops once per segment; for 10k rows the plain reference is the practical check.
    { vocab: 10_000, dim: 64, idShape: [32, 20], cpu: false },
  ];
  for (const { vocab, dim, idShape, cpu } of sizes) {
    it(`table ${vocab}×${dim}, ids ${idShape.join('×')}`, async () => {
      const idValues = ids(
        idShape.reduce((a, b) => a * b),
        vocab,
        vocab,
      );
      const table = seeded([vocab, dim], 21);
      const f = (t: tf.Tensor) => weightedSum(tf.gather(t, tf.tensor(idValues, idShape, 'int32')));
      const [wasm] = await gradients('wasm', f, [[[vocab, dim], table]]);
      const dy = seeded([...idShape, dim], 99);
      expectClose(wasm!, segmentSumReference(dy, idValues, vocab), 1e-5, 'against the plain sum');
      if (cpu) {
        const [reference] = await gradients('cpu', f, [[[vocab, dim], table]]);
        expectClose(wasm!, reference!, 1e-4, 'against cpu');
      }
    });
  }

  it('gather along axis 1', async () => {
    const idValues = ids(9, 6, 3);
    const f = (t: tf.Tensor) => weightedSum(tf.gather(t, tf.tensor1d(idValues, 'int32'), 1));
    const input: [number[], Float32Array][] = [[[4, 6, 3], seeded([4, 6, 3], 22)]];
    const [cpu] = await gradients('cpu', f, input);
    const [wasm] = await gradients('wasm', f, input);
    expectClose(wasm!, cpu!);
  });

  it('the 10k×64 segment sum peaks near its output size, not at ids × vocab', async () => {
    await on('wasm', async () => {
      const dy = tf.ones([640, 64]);
      const idTensor = tf.tensor1d(ids(640, 10_000, 4), 'int32');
      const outputBytes = 10_000 * 64 * 4;
      const start = tf.memory().numBytes;
      let sum: tf.Tensor | undefined;
      const profile = await tf.profile(() => {
        sum = tf.unsortedSegmentSum(dy, idTensor, 10_000);
      });
      // A one-hot matmul would hold 640 × 10,000 floats (25.6 MB) at once; the scatter's temporaries
      // are the size of the 640×64 rows.
      expect(profile.peakBytes - start).toBeLessThan(1.5 * outputBytes);
      expect(tf.memory().numBytes - start).toBe(outputBytes);
      tf.dispose([dy, idTensor, sum!]);
    });
  });
});

describe('UnsortedSegmentSum kernel on wasm', () => {
  it('matches cpu for rank-1 ids through tf.unsortedSegmentSum', async () => {
    const x = seeded([12, 5], 30);
    const segs = Int32Array.from([3, 0, 3, 1, 1, 6, 0, 3, 2, 2, 6, 0]);
    const run = (backend: 'cpu' | 'wasm') =>
      on(backend, async () => {
        const out = tf.tidy(() => tf.unsortedSegmentSum(tf.tensor(x, [12, 5]), tf.tensor1d(segs, 'int32'), 7));
        const values = await out.data<'float32'>();
        out.dispose();
        return values;
      });
    expectClose(await run('wasm'), await run('cpu'));
  });

  it('drops ids outside [0, numSegments) instead of writing out of bounds', async () => {
    const x = seeded([6, 3], 31);
    const segs = Int32Array.from([0, -1, 2, 5, 2, 99]);
    const out = await kernel('wasm', 'UnsortedSegmentSum', { x: [[6, 3], x], segmentIds: [[6], segs] }, { numSegments: 4 });
    expect(out.shape).toEqual([4, 3]);
    expectClose(out.values as Float32Array, segmentSumReference(x, segs, 4), 1e-6);
  });

  it('sums int32 data as int32', async () => {
    const x = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const out = await kernel(
      'wasm',
      'UnsortedSegmentSum',
      { x: [[4, 2], x], segmentIds: [[4], Int32Array.from([1, 1, 0, 1])] },
      { numSegments: 2 },
    );
    expect(out.values).toBeInstanceOf(Int32Array);
    expect(Array.from(out.values)).toEqual([5, 6, 1 + 3 + 7, 2 + 4 + 8]);
  });

  it('treats rank-2 ids as a prefix of the data shape, as TensorFlow does', async () => {
    const x = seeded([2, 3, 4], 32);
    const segs = Int32Array.from([2, 0, 2, 1, 1, 0]);
    const out = await kernel('wasm', 'UnsortedSegmentSum', { x: [[2, 3, 4], x], segmentIds: [[2, 3], segs] }, { numSegments: 3 });
    expect(out.shape).toEqual([3, 4]);
    expectClose(out.values as Float32Array, segmentSumReference(x, segs, 3), 1e-6);
  });

  it('returns zeros for empty input', async () => {
    const out = await kernel(
      'wasm',
      'UnsortedSegmentSum',
      { x: [[0, 3], new Float32Array(0)], segmentIds: [[0], new Int32Array(0)] },
      { numSegments: 2 },
    );
    expect(Array.from(out.values)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
