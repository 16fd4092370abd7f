import type { Computation } from '../computation';
import type { PythonFunction } from '../python-function';

/**
 * One loss, as data: its stable id (stored in graph documents' `training.loss`), its name in words,
 * how TF.js computes it and how Keras writes it (by name, or as a function of ours). One file per
 * family under `engine/tasks/losses/`.
 */
export type LossSpec<Id extends string = string> = LossFacts<Id> & Computation;

interface LossFacts<Id extends string> {
  /** Stable camelCase id stored in graph documents, e.g. `categoricalCrossentropy`. Never change it. */
  id: Id;
  /** The loss in words, as the Train page's notes say it: `categorical cross-entropy`. */
  label: string;
  /** The loss's name in Keras Python (`categorical_crossentropy`, `huber`), for export and import. */
  keras: string;
  /**
   * Where Keras has no built-in of that name computing the same thing: the function the exported
   * Python defines and compiles with instead, named {@link keras} (Keras 3 saves a function loss by
   * its name, so a re-imported model finds the loss again).
   */
  python?: PythonFunction;
  /** Further names model files use for it (`mse`); import matches them without case and underscores. */
  aliases?: readonly string[];
}

/** Any loss spec, whatever its id. */
export type AnyLossSpec = LossSpec<string>;

/** Declares a loss, keeping its id's literal type (so the registry can name every id). */
export function defineLoss<const Id extends string>(spec: LossSpec<Id>): LossSpec<Id> {
  return spec;
}
