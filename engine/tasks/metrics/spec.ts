import type { Computation } from '../computation';

/**
 * One figure reported each epoch besides the loss, as data: its stable id (stored in graph documents'
 * `training.metrics`), its meaning in words and how TF.js computes it.
 */
export type MetricSpec<Id extends string = string> = MetricFacts<Id> & Computation;

interface MetricFacts<Id extends string> {
  /** Stable id stored in graph documents, e.g. `accuracy`. Never change it. */
  id: Id;
  /** What the figure means, in words for the Train page: `mean squared error`. */
  label: string;
  /** The metric's name in Keras `model.compile`, when Keras has one by name (exports leave the rest out). */
  keras?: string;
}

/** Any metric spec, whatever its id. */
export type AnyMetricSpec = MetricSpec<string>;

/** Declares a metric, keeping its id's literal type. */
export function defineMetric<const Id extends string>(spec: MetricSpec<Id>): MetricSpec<Id> {
  return spec;
}
