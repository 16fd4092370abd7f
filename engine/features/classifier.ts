import type { ClassifierSettings } from './classifier-settings';
import type { Standardisation } from './standardise';

/**
 * A trained classic classifier as plain JSON, ready to be stored as a blob and loaded again: the
 * settings it was trained with, the standardisation of its features and the library's own model
 * (libsvm's model text, ml-logistic-regression's or ml-knn's JSON).
 */
export interface SavedClassifier {
  format: 'netcanvas.classifier';
  settings: ClassifierSettings;
  classCount: number;
  featureCount: number;
  standardisation: Standardisation;
  model: unknown;
}

/** A classifier ready to use: class probabilities for feature rows (each row sums to 1). */
export interface TrainedClassifier {
  readonly settings: ClassifierSettings;
  readonly classCount: number;
  readonly featureCount: number;
  predictProbabilities(rows: readonly ArrayLike<number>[]): number[][];
  save(): SavedClassifier;
  /** Frees what the library keeps outside JavaScript's heap (libsvm's memory). */
  dispose(): void;
}

/**
 * Trains a classifier on feature rows and class indexes. The libraries behind it run where the
 * host provides them (the server's `classic-classifier.ts`), so this folder stays free of them.
 */
export type TrainClassifier = (
  settings: ClassifierSettings,
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  classCount: number,
) => Promise<TrainedClassifier>;
