import type * as tfjs from '@tensorflow/tfjs';
import { analyse } from '../analysis/analyse';
import { compileGraph } from '../compile/compile';
import type { GraphDoc } from '../graph/schema';
import type { TrainingConfig, TrainingConfigInput } from '../graph/training-config';
import type { Tf } from '../layers/spec';
import { compileObjectives } from '../tasks/objectives';
import { type TaskRef, taskSpec } from '../tasks/registry';
import type { DatasetShape } from './fit-to-dataset';
import { makeOptimizer } from './optimizer';
import { resolveSettings, type SettingNote } from './resolve-settings';
import { withSeededInitialisers } from './seeded-initialisers';

export type PreparedModel =
  | {
      ok: true;
      model: tfjs.LayersModel;
      /** Node id → the TF.js layer name it compiled to. */
      layerNames: Map<string, string>;
      config: TrainingConfig;
      doc: GraphDoc;
      notes: SettingNote[];
    }
  | { ok: false; problem: string };

/**
 * From a graph and a dataset to a model ready to train: settings resolved (see resolveSettings), the
 * graph fitted and compiled, the model compiled with the optimizer, loss and metrics. Problems come
 * back as words, never as exceptions.
 */
export function prepareModel(tf: Tf, doc: GraphDoc, dataset: DatasetShape, overrides: TrainingConfigInput = {}): PreparedModel {
  let resolved: ReturnType<typeof resolveSettings>;
  try {
    resolved = resolveSettings(doc, dataset, overrides);
  } catch (error) {
    return { ok: false, problem: `The training settings are not valid: ${(error as Error).message}` };
  }
  if (resolved.problem) return { ok: false, problem: resolved.problem };
  const built = buildResolved(tf, resolved.doc, resolved.config, dataset.task);
  if (!built.ok) return built;
  return { ok: true, model: built.model, layerNames: built.layerNames, config: resolved.config, doc: resolved.doc, notes: resolved.notes };
}

/**
 * A fresh trainable model of a graph whose settings are already resolved (the same doc and config
 * again, e.g. after the backend changed), without resolving them a second time. With a seed in the
 * settings its initial weights are the same every time.
 */
export function buildResolved(
  tf: Tf,
  doc: GraphDoc,
  config: TrainingConfig,
  task: TaskRef,
): { ok: true; model: tfjs.LayersModel; layerNames: Map<string, string> } | { ok: false; problem: string } {
  const compiled = withSeededInitialisers(config.seed, () => compileGraph(tf, doc, analyse(doc)));
  if (!compiled.ok) return { ok: false, problem: compiled.diagnostics.map((d) => d.message).join(' ') };
  taskSpec(task).initialiseModel?.(tf, compiled.model);
  compileForTraining(tf, compiled.model, config, task);
  return { ok: true, model: compiled.model, layerNames: compiled.layerNames };
}

/**
 * Compiles the model with the graph's optimizer, loss and metrics, taken from their specs (the
 * task's own first, when the task is given).
 */
export function compileForTraining(tf: Tf, model: tfjs.LayersModel, config: TrainingConfig, task?: TaskRef): void {
  model.compile({ optimizer: makeOptimizer(tf, config), ...compileObjectives(tf, task === undefined ? null : taskSpec(task), config) });
}

/** Frees a trained model and its optimizer (which `model.dispose()` leaves alone when it was passed in). */
export function disposeModel(model: tfjs.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}
