import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { boxesToLabel, DETECTION_LABEL_SIZE } from '../../../engine/tasks/detection-boxes';
import { EvaluationSchema } from '../../../engine/tasks/evaluation-schema';
import { TASKS } from '../../../engine/tasks/registry';

/** What each registered task's evaluator makes of one small batch (2×2 images, 3 classes or values). */
function evaluationOf(id: keyof typeof TASKS): unknown {
  if (id === 'detection') return detectionEvaluation();
  const image = id === 'segmentation' || id === 'reconstruction';
  const labelSize = image ? 4 : 1;
  const evaluator = TASKS[id].evaluate({
    split: 'test',
    featureShape: image ? [2, 2, 1] : [2],
    labelSize,
    ...(id === 'classification' || id === 'segmentation' ? { classes: ['a', 'b', 'c'] } : {}),
    outputUnits: id === 'classification' || id === 'segmentation' ? 3 : labelSize,
    samples: 4,
    maxPoints: 10,
  });
  const labels = id === 'reconstruction' ? [0.1, 0.5, 0.9, 0.2] : id === 'segmentation' ? [0, 1, 2, 2] : [2];
  const units = id === 'classification' ? 3 : id === 'segmentation' ? 12 : labelSize;
  evaluator.add(
    { features: Float32Array.from({ length: image ? 4 : 2 }, (_, i) => i / 4), labels: Float32Array.from(labels), size: 1 },
    Float32Array.from({ length: units }, (_, i) => ((i * 7) % 10) / 10),
  );
  return evaluator.result();
}

/** A detector's evaluation of one 8×8 image with a true box and a 2×2 grid of scores. */
function detectionEvaluation(): unknown {
  const evaluator = TASKS.detection.evaluate({
    split: 'test',
    featureShape: [8, 8, 1],
    labelSize: DETECTION_LABEL_SIZE,
    classes: ['a'],
    outputUnits: 5,
    samples: 4,
    maxPoints: 10,
    tf,
  });
  evaluator.add(
    {
      features: new Float32Array(64).fill(0.5),
      labels: boxesToLabel([{ classIndex: 0, x: 0, y: 0, width: 0.5, height: 0.5 }]),
      size: 1,
    },
    Float32Array.from([0.9, 0.5, 0.5, 0.5, 0.5, 0.2, 0.5, 0.5, 0.3, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  );
  return evaluator.result();
}

describe('the evaluation schema', () => {
  it.each(Object.keys(TASKS) as (keyof typeof TASKS)[])('accepts what the %s evaluator makes', (id) => {
    const evaluation = evaluationOf(id);
    const parsed = EvaluationSchema.safeParse(evaluation);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toEqual(evaluation);
  });

  it.each([{}, { kind: 'classification' }, { kind: 'regression', split: 'test', points: [], mae: '1', rmse: 1, count: 1 }, null])(
    'refuses %j',
    (value) => {
      expect(EvaluationSchema.safeParse(value).success).toBe(false);
    },
  );
});
