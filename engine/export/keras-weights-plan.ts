import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../analysis/types';
import type { GraphDoc } from '../graph/schema';
import { snakeCase } from '../import/keras-archive';
import { layerSpec } from '../layers/registry';
import { codePlan } from './code-plan';

/** One group of variables of a Keras 3 weights file: `layers/dense/vars`, with its arrays in creation order. */
export interface KerasVariableGroup {
  path: string;
  arrays: { shape: number[]; values: Float32Array }[];
}

/** Layers whose variables Keras 3 keeps in their cell (`layers/lstm/cell/vars`). */
const CELL_LAYERS = new Set(['LSTM', 'GRU', 'SimpleRNN', 'ConvLSTM2D']);

/**
 * Where Keras 3 looks for each layer's variables in `model.weights.h5`, with the TF.js model's
 * current values: `layers/<key>/vars/0, 1 …`, where `<key>` is the layer's class in snake case,
 * numbered per class in the model's layer order (`dense`, `dense_1`) — the order the generated
 * Python creates them in. Recurrent layers keep theirs in `cell/`, a Bidirectional in
 * `forward_layer/` and `backward_layer/`, a TimeDistributed in `layer/`. Keras 2 and 3 order each
 * layer's variables as TF.js does, so arrays are written as they are. A layer used at several
 * places is written once, under its first use.
 */
export function kerasVariableGroups(doc: GraphDoc, analysis: Analysis, model: tfjs.LayersModel): KerasVariableGroup[] {
  const plan = codePlan(doc, analysis, 'python');
  const counts = new Map<string, number>();
  const groups: KerasVariableGroup[] = [];
  for (const step of plan.steps) {
    if (step.node.sharesWeightsWith) continue;
    const className = step.node.type === 'input' ? 'InputLayer' : step.spec.keras.className;
    const base = snakeCase(className);
    const seen = counts.get(base);
    counts.set(base, seen === undefined ? 0 : seen + 1);
    const key = `layers/${seen === undefined ? base : `${base}_${seen + 1}`}`;
    const arrays = step.node.type === 'input' ? [] : layerArrays(model, step.info.layerName);
    groups.push(...placeArrays(key, className, step.info.params, arrays));
  }
  return groups;
}

function layerArrays(model: tfjs.LayersModel, name: string): KerasVariableGroup['arrays'] {
  const layer = model.layers.find((l) => l.name === name);
  if (!layer) throw new Error(`The compiled model has no layer "${name}".`);
  return layer.getWeights().map((w) => ({ shape: w.shape, values: w.dataSync() as Float32Array }));
}

/** A layer's arrays split into the sub-groups Keras 3 reads them from. */
function placeArrays(
  key: string,
  className: string,
  params: Record<string, unknown>,
  arrays: KerasVariableGroup['arrays'],
): KerasVariableGroup[] {
  if (CELL_LAYERS.has(className)) return [{ path: `${key}/cell/vars`, arrays }];
  if (className === 'Bidirectional') {
    const inner = layerSpec(String((params.layer as { type?: string } | undefined)?.type ?? ''));
    const cell = inner && CELL_LAYERS.has(inner.keras.className) ? '/cell' : '';
    const half = arrays.length / 2;
    return [
      { path: `${key}/forward_layer${cell}/vars`, arrays: arrays.slice(0, half) },
      { path: `${key}/backward_layer${cell}/vars`, arrays: arrays.slice(half) },
    ];
  }
  if (className === 'TimeDistributed') return [{ path: `${key}/layer/vars`, arrays }];
  return [{ path: `${key}/vars`, arrays }];
}
