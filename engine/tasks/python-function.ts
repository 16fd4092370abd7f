/**
 * A definition in the exported Keras Python (`model.py`): a loss or metric Keras has no built-in for,
 * or a helper one of them calls. Each is written beside the TF.js version it mirrors and must compute
 * the same thing. The source uses Keras 3 ops only (`from keras import ops`), so the script runs on
 * any Keras backend.
 */
export interface PythonFunction {
  /**
   * The name the source defines. `model.compile` gets a loss or metric by it and Keras logs the
   * figure under it; helpers start with `_`. Names are global in the file: one name, one definition.
   */
  name: string;
  /** The definition, unindented: `def name(y_true, y_pred):` and its body, with no blank line after. */
  source: string;
  /** The helpers it calls, written into the file before it (once, however many definitions use them). */
  uses?: readonly PythonFunction[];
}

/**
 * Every definition these need, each once, each after the helpers it calls: the order the exported
 * file defines them in.
 *
 * @example
 * pythonDefinitions([centroidFocal.python]).map((d) => d.name); // ['_centre_focal', '_grid_parts', 'centroid_focal']
 */
export function pythonDefinitions(wanted: readonly PythonFunction[]): PythonFunction[] {
  const ordered = new Map<string, PythonFunction>();
  const visit = (fn: PythonFunction) => {
    if (ordered.has(fn.name)) return;
    for (const helper of fn.uses ?? []) visit(helper);
    ordered.set(fn.name, fn);
  };
  for (const fn of wanted) visit(fn);
  return [...ordered.values()];
}
