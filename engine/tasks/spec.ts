import type * as tfjs from '@tensorflow/tfjs';
import type { z } from 'zod';
import type { LabelMover } from '../data/augment';
import type { Batch, SplitName } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import type { AnyLossSpec } from './losses/spec';
import type { AnyMetricSpec } from './metrics/spec';

/** What a task needs to know of a dataset to shape its labels and the model's output. */
export interface LabelFacts {
  /** Shape of one sample's features, e.g. [28, 28, 1]. */
  featureShape: number[];
  /** Values per stored label (1 for a class index or a single number). */
  labelSize: number;
  /** The class names, for tasks whose labels name classes. */
  classes?: string[];
  /** Words in the vocabulary (with padding and the unknown word), for samples that are word ids. */
  vocabularySize?: number;
}

/** What encoding a batch's labels for the loss needs: the dataset, the loss and the model's output. */
export interface TargetContext extends LabelFacts {
  loss: AnyLossSpec;
  /** Size of the model output's last dimension. */
  outputUnits: number;
}

/** The graph's output layer, with its parameters resolved (defaults filled in). */
export interface OutputLayer {
  type: string;
  /** The name the user sees: the node's name, else its id. */
  name: string;
  params: Record<string, unknown>;
}

/** A change to the output layer so it fits the labels, and the note that tells the user. */
export interface OutputFit {
  params: Record<string, unknown>;
  note: string;
}

/** The loss (and, with it, the metrics) a task chooses when the graph did not choose one that fits. */
export interface LossChoice {
  loss: string;
  metrics?: string[];
}

/** What an evaluation of one split needs to know. */
export interface EvaluationContext extends LabelFacts {
  split: SplitName;
  /** Size of the model output's last dimension. */
  outputUnits: number;
  /** About how many sample predictions to keep, for tasks that show some. */
  samples: number;
  /** At most this many points for plots, for tasks that draw some. */
  maxPoints: number;
  /** The TF.js namespace, for evaluations that run ops of their own (a detector's non-maximum suppression). */
  tf?: Tf;
}

/** Takes a split's predictions batch by batch and sums them up; `result` is plain data, ready to store. */
export interface Evaluator<Result> {
  /** One batch and the model's output for it, flattened row by row. */
  add(batch: Batch, predictions: Float32Array): void;
  result(): Result;
}

/** The plain-data summary of a run a task computes; `kind` is the task's id, so pages know how to draw it. */
export interface TaskResult {
  kind: string;
}

/**
 * Everything NetCanvas knows about one kind of learning problem, as data and small pure functions:
 * the dataset pages, the Train page, the trainer and the run page read it from here. One spec per
 * file under `engine/tasks/`, registered in `registry.ts`.
 */
export interface TaskSpec<Result extends TaskResult = TaskResult> {
  /** Stable lowercase id stored in dataset metadata, e.g. `classification`. Never change it. */
  id: string;
  /** The task in words, as pages write it: `classification`. */
  label: string;
  /** One paragraph: what the labels are and what the model learns. */
  doc: string;
  /**
   * One sample's label as a person or a file gives it (a class index, a number, a list of boxes…),
   * checked with messages that say what is wrong in the dataset's own terms.
   */
  labelSchema(facts: LabelFacts): z.ZodType;
  /** The shape of one sample's encoded label, as the loss sees it (no batch axis). */
  labelShape(context: TargetContext): number[];
  /** A batch's stored labels (or, for tasks whose target is the input, its features) as the target tensor. */
  encodeLabels(tf: Tf, batch: Batch, context: TargetContext): tfjs.Tensor;
  /** The losses offered for this task, best first. */
  losses: readonly AnyLossSpec[];
  /**
   * The loss to train with when the graph's own (`chosen`) does not suit the labels, with the metrics
   * that go with it; `null` keeps the graph's. `outputUnits` are the output Dense layer's units before
   * fitting (`null` when the output is not a Dense layer).
   */
  chooseLoss(chosen: string | undefined, facts: LabelFacts & { outputUnits: number | null }): LossChoice | null;
  /** A dataset's labels in words, for messages: `10 classes`, `2 numbers to predict`. */
  labelWords(facts: LabelFacts): string;
  /** Why this loss, in words that end the Train page's note: `because the labels are 10 classes`. */
  lossReason(loss: string, facts: LabelFacts): string;
  /** The metrics this task reports well, first the one it reports by default. */
  metrics: readonly AnyMetricSpec[];
  /** How the output layer changes to fit the labels (units, activation), or `null` to leave it. */
  fitOutput(output: OutputLayer, facts: LabelFacts): OutputFit | null;
  /**
   * Adjusts a freshly built model's initial weights for this task (a detector's centre scores start
   * low, say); saved or transferred weights loaded afterwards replace them. Unset: left as built.
   */
  initialiseModel?(tf: Tf, model: tfjs.LayersModel): void;
  /** Starts the evaluation of a trained model on one split (confusion matrix, residuals…). */
  evaluate(context: EvaluationContext): Evaluator<Result>;
  /**
   * How a label follows its image through augmentation's flips, turns, shifts and zooms; `null` for
   * labels that do not depend on places in the image (a class, a number), which augmentation leaves alone.
   */
  moveLabels: LabelMover | null;
  /** Whether splits can be stratified by the stored label (one class per sample). */
  stratify: boolean;
  /**
   * How a table's label column holds this task's labels: class names (`categorical`) or numbers
   * (`numeric`). Unset: the task's labels cannot come from a table's column.
   */
  tableLabel?: 'categorical' | 'numeric';
}

/** Any registered spec, with its result type erased. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds specs of every result type.
export type AnyTaskSpec = TaskSpec<any>;

/** The evaluation result type of a task spec. */
export type ResultOf<S> = S extends TaskSpec<infer R> ? R : never;

/** Declares a task, inferring its result type from its evaluator. */
export function defineTask<Result extends TaskResult>(spec: TaskSpec<Result>): TaskSpec<Result> {
  return spec;
}
