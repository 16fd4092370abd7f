import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '@/engine/backends/node-tf';
import { compileGraph } from '@/engine/compile/compile';
import { boundsOf, decisionGrid } from '@/engine/inspect/decision-grid';
import { featureMaps, isSpatial } from '@/engine/inspect/feature-maps';
import { histogram, weightHistograms } from '@/engine/inspect/histogram';
import { layerOutputs } from '@/engine/inspect/layer-outputs';
import { templateGraph } from '@/engine/templates';

type Tf = Awaited<ReturnType<typeof nodeTf>>;
let tf: Tf;
beforeAll(async () => {
  tf = await nodeTf();
});

function model(template: string) {
  const compiled = compileGraph(tf, templateGraph(template) ?? (undefined as never));
  if (!compiled.ok) throw new Error('template does not compile');
  return compiled.model;
}

/** A 28×28 picture: a bright bar, vertical or horizontal. */
function bar(vertical: boolean): Float32Array {
  const pixels = new Float32Array(28 * 28);
  for (let i = 4; i < 24; i++) for (let w = 12; w < 16; w++) pixels[vertical ? i * 28 + w : w * 28 + i] = 1;
  return pixels;
}

describe('layerOutputs', () => {
  it('gives every LeNet layer its output for one sample, the last one equal to predict', () => {
    const lenet = model('lenet5');
    const sample = bar(true);
    const steps = layerOutputs(tf, lenet, sample);
    expect(steps.map((s) => s.className)).toEqual([
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Dense',
      'Dense',
    ]);
    expect(steps[0]?.shape).toEqual([28, 28, 6]);
    expect(steps[2]?.shape).toEqual([10, 10, 16]);
    const last = steps.at(-1);
    const expected = tf.tidy(() => (lenet.predict(tf.tensor(sample, [1, 28, 28, 1])) as import('@tensorflow/tfjs').Tensor).dataSync());
    expect(Array.from(last?.values ?? [])).toEqual(Array.from(expected).map((v) => expect.closeTo(v, 5)));
    expect(last?.min).toBeGreaterThanOrEqual(0);
    expect(last?.max).toBeLessThanOrEqual(1);
    lenet.dispose();
  });

  it('splits a convolution into one map per filter, and two inputs give different maps', () => {
    const lenet = model('lenet5');
    const before = tf.memory().numTensors;
    const a = featureMaps(layerOutputs(tf, lenet, bar(true))[0] as never);
    const b = featureMaps(layerOutputs(tf, lenet, bar(false))[0] as never);
    expect(tf.memory().numTensors).toBe(before);
    expect(a).toHaveLength(6);
    expect(a[0]).toMatchObject({ channel: 0, height: 28, width: 28 });
    expect(a[0]?.values).toHaveLength(28 * 28);
    expect(Array.from(a[3]?.values ?? [])).not.toEqual(Array.from(b[3]?.values ?? []));
    expect(isSpatial([28, 28, 6])).toBe(true);
    expect(isSpatial([120])).toBe(false);
    expect(featureMaps({ shape: [120], values: new Float32Array(120) })).toEqual([]);
    lenet.dispose();
  });

  it('refuses a sample of the wrong size with the sizes in words', () => {
    const lenet = model('lenet5');
    expect(() => layerOutputs(tf, lenet, new Float32Array(10))).toThrow(/10 values.*\[28, 28, 1\] takes 784/);
    lenet.dispose();
  });
});

describe('weight histograms and the decision grid', () => {
  it('counts every weight once per layer and moves when the weights move', async () => {
    expect(histogram([0, 1, 2, 3], 2)).toEqual({ min: 0, max: 3, counts: [2, 2] });
    expect(histogram([5, 5, Number.NaN], 3).counts).toEqual([2, 0, 0]);
    const mlp = model('mlp');
    const first = weightHistograms(mlp, 16);
    expect(first.map((h) => h.size)).toEqual([64, 1024, 96]);
    for (const h of first) expect(h.kernel.counts.reduce((a, b) => a + b, 0)).toBe(h.size);
    mlp.compile({ optimizer: tf.train.adam(0.05), loss: 'categoricalCrossentropy' });
    const x = tf.randomUniform([64, 2], -1, 1, 'float32', 3);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: 64 }, (_, i) => i % 3),
        'int32',
      ),
      3,
    );
    const bounds = boundsOf(await x.data());
    const gridBefore = decisionGrid(tf, mlp, bounds, 24);
    await mlp.fit(x, y, { epochs: 15, verbose: 0 });
    const after = weightHistograms(mlp, 16);
    expect(after[0]?.kernel).not.toEqual(first[0]?.kernel);
    const gridAfter = decisionGrid(tf, mlp, bounds, 24);
    expect(gridAfter.classes).toHaveLength(24 * 24);
    expect(Array.from(gridAfter.confidence)).not.toEqual(Array.from(gridBefore.confidence));
    for (const p of gridAfter.confidence) expect(p).toBeGreaterThanOrEqual(1 / 3 - 1e-6);
    expect(bounds.x[0]).toBeLessThan(-0.9);
    tf.dispose([x, y]);
    mlp.dispose();
  });
});
