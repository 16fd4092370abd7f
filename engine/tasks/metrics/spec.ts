import type { Computation } from '../computation';
import type { PythonFunction } from '../python-function';

/**
 * One figure reported each epoch besides the loss, as data: its stable id (stored in graph documents'
 * `training.metrics`), its meaning in words, how TF.js computes it and how Keras does (by name, or
 * as a function of ours).
 */
export type MetricSpec<Id extends string = string> = MetricFacts<Id> & Computation;

interface MetricFacts<Id extends string> {
  /** Stable id stored in graph documents, e.g. `accuracy`. Never change it. */
  id: Id;
  /** What the figure means, in words for the Train page: `mean squared error`. */
  label: string;
  /** The metric's name in Keras `model.compile`, when Keras has one by name. */
  keras?: string;
  /**
   * Otherwise the function the exported Python defines and compiles with (Keras logs the figure under
   * its name). A metric with neither is left out of the export: Keras refuses names it does not know.
   */
  python?: PythonFunction;
}

/** Any metric spec, whatever its id. */
export type AnyMetricSpec = MetricSpec<string>;

/** Declares a metric, keeping its id's literal type. */
export function defineMetric<const Id extends string>(spec: MetricSpec<Id>): MetricSpec<Id> {
  return spec;
}
