import type * as tfjs from '@tensorflow/tfjs';
import { analyse } from '../analysis/analyse';
import { compileGraph } from '../compile/compile';
import type { GraphDoc } from '../graph/schema';
import type { TrainingConfig, TrainingConfigInput } from '../graph/training-config';
import type { Tf } from '../layers/spec';
import type { DatasetShape } from './fit-to-dataset';
import { resolveSettings, type SettingNote } from './resolve-settings';
import { compileForTraining } from './train-model';

export type PreparedModel =
  | { ok: true; model: tfjs.LayersModel; config: TrainingConfig; doc: GraphDoc; notes: SettingNote[] }
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
  const compiled = compileGraph(tf, resolved.doc, analyse(resolved.doc));
  if (!compiled.ok) return { ok: false, problem: compiled.diagnostics.map((d) => d.message).join(' ') };
  compileForTraining(tf, compiled.model, resolved.config, dataset.task);
  return { ok: true, model: compiled.model, config: resolved.config, doc: resolved.doc, notes: resolved.notes };
}

/** Frees a trained model and its optimizer (which `model.dispose()` leaves alone when it was passed in). */
export function disposeModel(model: tfjs.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}
