import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { shapesDetection } from '../../../engine/data/shapes-boxes';
import type { GraphDoc } from '../../../engine/graph/schema';
import { DEFAULT_DECODE } from '../../../engine/tasks/detection-decode';
import { CENTRE_PRIOR, CENTRE_PRIOR_BIAS } from '../../../engine/tasks/detection-prior';
import { templateGraph } from '../../../engine/templates';
import { prepareModel } from '../../../engine/train/prepare-model';
import { runJob } from '../../../engine/train/run-job';

let tf: typeof tfjs;
beforeAll(async () => {
  tf = await nodeTf();
});

const CLASSES = 3;
const detector = () => templateGraph('detector-small') as GraphDoc;

describe("a fresh detector's centre scores", () => {
  it('start near the prior, far below 0.5 and above the decoding threshold, with the box numbers left at 0.5', () => {
    const set = shapesDetection({ samples: 16, seed: 11 });
    const prepared = prepareModel(tf, detector(), set, { seed: 5 });
    if (!prepared.ok) throw new Error(prepared.problem);
    const output = prepared.model.outputs[0]?.sourceLayer;
    const bias = Array.from(output?.getWeights().at(-1)?.dataSync() ?? []);
    expect(bias).toHaveLength(CLASSES + 4);
    expect(CENTRE_PRIOR_BIAS).toBeCloseTo(-2.197, 3);
    for (const b of bias.slice(0, CLASSES)) expect(b).toBeCloseTo(CENTRE_PRIOR_BIAS, 5);
    for (const b of bias.slice(CLASSES)) expect(b).toBe(0);

    const images = tf.tensor4d(set.features, [16, ...set.featureShape] as [number, number, number, number]);
    const predicted = prepared.model.predict(images) as tfjs.Tensor;
    const [scores, boxes] = tf.split(predicted, [CLASSES, 4], -1) as [tfjs.Tensor, tfjs.Tensor];
    const values = Array.from(scores.dataSync());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const highest = values.reduce((a, b) => Math.max(a, b), 0);
    const boxMean = boxes.mean().dataSync()[0] as number;
    tf.dispose([images, predicted, scores, boxes]);
    prepared.model.dispose();
    // The random weights spread the scores around the prior; none starts anywhere near a confident centre.
    expect(mean).toBeGreaterThan(CENTRE_PRIOR / 2);
    expect(mean).toBeLessThan(CENTRE_PRIOR * 2);
    expect(mean).toBeGreaterThan(DEFAULT_DECODE.minScore);
    expect(highest).toBeLessThan(0.5);
    expect(boxMean).toBeGreaterThan(0.35);
    expect(boxMean).toBeLessThan(0.65);
  });
});

describe('a tiny detection run on the shapes boxes', () => {
  it('scores a higher mAP@0.5 after more epochs', async () => {
    const source = inMemoryBatchSource(shapesDetection({ samples: 240, seed: 4 }));
    const mapAfter = async (epochs: number) => {
      const result = await runJob(tf, detector(), { training: { epochs, batchSize: 16, seed: 3 } }, { source });
      if (!result.ok) throw new Error(result.problem);
      if (result.evaluation?.kind !== 'detection') throw new Error('No detection evaluation.');
      return result.evaluation.mapAt50;
    };
    const early = await mapAfter(1);
    const later = await mapAfter(5);
    console.log(`mAP@0.5 after 1 epoch ${early.toFixed(3)}, after 5 epochs ${later.toFixed(3)}`);
    expect(later).toBeGreaterThan(early);
    expect(later).toBeGreaterThan(0.05);
  }, 120_000);
});
