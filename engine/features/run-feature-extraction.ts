import type * as tfjs from '@tensorflow/tfjs';
import type { BatchSource } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import type { ClassificationEvaluation } from '../tasks/confusion';
import { taskSpec } from '../tasks/registry';
import type { SavedClassifier, TrainClassifier, TrainedClassifier } from './classifier';
import type { ClassifierSettings } from './classifier-settings';
import { type ExtractProgress, extractFeatures } from './extract-features';
import { featureModel } from './feature-model';
import { fitInput } from './fit-input';

/** What a feature-extraction run needs besides the data: the weighted base network and where to cut it. */
export interface FeatureBase {
  network: tfjs.LayersModel;
  /** Node id → TF.js layer name, as `compileGraph` reports it. */
  layerNames: ReadonlyMap<string, string>;
  /** The node whose activations are the features. */
  nodeId: string;
}

/** The places a run reports to: progress per batch and per phase, and the stop signal. */
export interface FeatureRunHost {
  progress?: (p: ExtractProgress | { phase: 'fit'; samples: number }) => void | Promise<void>;
  shouldStop?: () => boolean;
}

export type FeatureRunResult =
  | {
      ok: true;
      cancelled: false;
      classifier: SavedClassifier;
      evaluation: ClassificationEvaluation;
      finalMetrics: Record<string, number>;
      /** How the samples were fitted to the base network's input, if they had to be. */
      inputNote: string | null;
    }
  | { ok: true; cancelled: true }
  | { ok: false; problem: string };

/**
 * Feature extraction from start to end: the base network cut at the chosen layer; the training
 * split's activations computed batch by batch; the classic classifier trained on them; then the test
 * split (validation when there is no test split) streamed through network and classifier and summed
 * up by the classification task's own evaluator, so the confusion matrix is the same kind as a
 * network run's. Problems of the user's choices come back as `{ ok: false, problem }`.
 */
export async function runFeatureExtraction(
  tf: Tf,
  base: FeatureBase,
  source: BatchSource,
  settings: { classifier: ClassifierSettings; batchSize: number; trainSamples?: number; train: TrainClassifier },
  host: FeatureRunHost = {},
): Promise<FeatureRunResult> {
  const task = taskSpec(source.task);
  const classes = source.classes ?? [];
  if (task.id !== 'classification' || classes.length < 2) {
    return { ok: false, problem: `Feature extraction trains a classifier: "${source.name}" is not a classification dataset with classes.` };
  }
  const testSplit = source.count('test') > 0 ? 'test' : 'validation';
  if (source.count('train') === 0) return { ok: false, problem: `"${source.name}" has no training samples.` };
  if (source.count(testSplit) === 0) return { ok: false, problem: `"${source.name}" has no test or validation samples to measure on.` };
  const cut = featureModel(tf, base.network, base.layerNames, base.nodeId);
  if (!cut.ok) return cut;
  const input = base.network.inputs[0]?.shape.slice(1) ?? [];
  const fit = fitInput(source.featureShape, input);
  if (!fit.ok) return fit;
  const options = { batchSize: settings.batchSize, progress: host.progress, shouldStop: host.shouldStop };

  const started = performance.now();
  const rows: Float32Array[] = [];
  const labels: number[] = [];
  // Training samples are drawn at random when limited: a classic classifier (an SVM above all) grows
  // much slower than linearly with its samples, and a few thousand are usually enough for it.
  const trainOptions = { ...options, ...(settings.trainSamples !== undefined ? { limit: settings.trainSamples, shuffleSeed: 1 } : {}) };
  const train = await extractFeatures(tf, cut.model, fit, source, 'train', trainOptions, (batch, batchRows) => {
    rows.push(...batchRows);
    for (let i = 0; i < batch.size; i++) labels.push(batch.labels[i * source.labelSize] as number);
  });
  if (train.stopped) return { ok: true, cancelled: true };
  const extracted = performance.now();
  await host.progress?.({ phase: 'fit', samples: rows.length });
  let classifier: TrainedClassifier;
  try {
    classifier = await settings.train(settings.classifier, rows, labels, classes.length);
  } catch (error) {
    return { ok: false, problem: `The classifier could not be trained: ${(error as Error).message}` };
  }
  const fitted = performance.now();
  try {
    const evaluator = task.evaluate({
      split: testSplit,
      featureShape: source.featureShape,
      labelSize: source.labelSize,
      classes,
      outputUnits: classes.length,
      samples: 24,
      maxPoints: 500,
    });
    const test = await extractFeatures(tf, cut.model, fit, source, testSplit, options, (batch, batchRows) => {
      evaluator.add(batch, Float32Array.from(classifier.predictProbabilities(batchRows).flat()));
    });
    if (test.stopped) return { ok: true, cancelled: true };
    const evaluation = evaluator.result() as ClassificationEvaluation;
    const trainAccuracy = accuracyOf(classifier.predictProbabilities(rows.slice(0, 2000)), labels);
    const seconds = (ms: number) => Math.round(ms) / 1000;
    return {
      ok: true,
      cancelled: false,
      classifier: classifier.save(),
      evaluation,
      inputNote: fit.note,
      finalMetrics: {
        testAccuracy: evaluation.accuracy,
        accuracy: trainAccuracy,
        features: cut.featureCount,
        trainSamples: rows.length,
        testSamples: evaluation.count,
        extractSeconds: seconds(extracted - started),
        fitSeconds: seconds(fitted - extracted),
      },
    };
  } finally {
    classifier.dispose();
  }
}

function accuracyOf(probabilities: number[][], labels: readonly number[]): number {
  let right = 0;
  probabilities.forEach((p, i) => {
    if (p.indexOf(Math.max(...p)) === labels[i]) right++;
  });
  return probabilities.length === 0 ? 0 : right / probabilities.length;
}
