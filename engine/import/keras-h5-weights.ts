import type { Diagnostic } from '../diagnostics';
import type { GraphDoc, GraphNode } from '../graph/schema';
import { layerSpec } from '../layers/registry';
import type { KerasH5Layout } from '../layers/weight-layout';
import type { KerasH5Layer, KerasH5Weight } from './keras-h5';
import { isKeras1 } from './keras1';
import { concatLast, flip, type NamedWeightArrays, type WeightArray } from './weight-arrays';

/**
 * Names the weights of a Keras HDF5 file the way TF.js names the weights of the imported graph's
 * layers (`dense_1/kernel`, `bidirectional/forward_lstm/kernel`), so `assignWeights` loads them.
 *
 * - Keras 2 and 3 name weights by scope: `dense_1/kernel:0`, tf.keras's RNN cells add a level
 *   (`bidirectional/forward_lstm/lstm_cell_1/kernel:0`), a nested model's group holds its layers'
 *   weights (`head_1/kernel:0` in group `head`). The last part is the weight; the layer is the group,
 *   or for a nested model the graph layer named in the path.
 * - Keras 1 named them `<layer>_W`, `<layer>_b`, `<layer>_running_std` …, split LSTM and GRU weights
 *   per gate and stored convolution kernels in the layer's dim ordering; they are converted as Keras 2's
 *   own loader (`preprocess_weights_for_loading`) converts them.
 * - Kernels trained with the Theano backend are flipped, since Theano convolves where TensorFlow correlates.
 *
 * What is particular to a layer type (a wrapper's copies, Keras 1 gate orders and kernel orderings,
 * which weights Theano flipped) is declared in its spec's `weightLayouts.kerasH5`.
 */
export function kerasH5Weights(
  doc: GraphDoc,
  layers: KerasH5Layer[],
  file: { kerasVersion?: string; backend?: string },
): { weights: NamedWeightArrays; diagnostics: Diagnostic[] } {
  const byName = new Map<string, GraphNode>();
  for (const node of doc.nodes) if (node.name && !byName.has(node.name)) byName.set(node.name, node);
  const legacy = isKeras1(file.kerasVersion);
  const weights: NamedWeightArrays = {};
  const diagnostics: Diagnostic[] = [];
  for (const layer of layers) {
    if (layer.weights.length === 0) continue;
    for (const { node, items } of owners(layer, byName, doc)) {
      const keras1 = legacy || items.every((w) => !w.name.includes('/'));
      const named = node ? (keras1 ? keras1Weights(node, items) : keras2Weights(node, items)) : unowned(layer.name, items);
      if (typeof named === 'string') {
        diagnostics.push(problem(`The weights of layer "${layer.name}" could not be matched: ${named}`, node?.id));
        continue;
      }
      for (const [key, array] of named) {
        if (key in weights) diagnostics.push(problem(`Two weights of the file are both named "${key}"; the second one is used.`, node?.id));
        weights[key] = node && file.backend === 'theano' ? theanoToTensorflow(node, key, array) : array;
      }
    }
  }
  return { weights, diagnostics };
}

type Named = [string, WeightArray][];

/**
 * Which graph layer each weight of a file layer belongs to: the layer of the same name, or for a
 * nested model's group the graph layer its weight names mention (`head_1/kernel:0`, Keras 1 `head_1_W`).
 */
function owners(layer: KerasH5Layer, byName: Map<string, GraphNode>, doc: GraphDoc): { node?: GraphNode; items: KerasH5Weight[] }[] {
  const own = byName.get(layer.name);
  if (own) return [{ node: own, items: layer.weights }];
  const members = doc.nodes.filter((n) => n.groupId === layer.name && n.name);
  const groups = new Map<GraphNode | undefined, KerasH5Weight[]>();
  for (const weight of layer.weights) {
    const parts = scope(weight.name).slice(0, -1);
    const node =
      [...parts].reverse().reduce<GraphNode | undefined>((found, part) => found ?? members.find((m) => m.name === part), undefined) ??
      members.filter((m) => weight.name.startsWith(`${m.name}_`)).sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0))[0];
    groups.set(node, [...(groups.get(node) ?? []), weight]);
  }
  return [...groups.entries()].map(([node, items]) => (node ? { node, items } : { items }));
}

/** `dense_1/kernel:0` → ['dense_1', 'kernel']; tf.keras's RNN cell scopes (`lstm_cell_1`) are dropped. */
function scope(name: string): string[] {
  return name
    .replace(/:\d+$/, '')
    .split('/')
    .filter((part) => part !== '' && !/(^|_)cell(_\d+)?$/.test(part));
}

function innerOf(node: GraphNode): { name: string; type: string; params: Record<string, unknown> } | undefined {
  const inner = node.params.layer as { type?: unknown; name?: unknown; params?: unknown } | undefined;
  if (!inner || typeof inner.type !== 'string') return undefined;
  const params = typeof inner.params === 'object' && inner.params !== null ? (inner.params as Record<string, unknown>) : {};
  return { name: typeof inner.name === 'string' ? inner.name : inner.type, type: inner.type, params };
}

/** The spec-declared H5 layout of a layer type, if any. */
function layoutOf(type: string): KerasH5Layout | undefined {
  return layerSpec(type)?.weightLayouts?.kerasH5;
}

/**
 * Which copy of a wrapped layer a weight belongs to (a Bidirectional's `forward` or `backward`):
 * from its name (`…/forward_lstm/…`, Keras 1 `forward_lstm_W`), else by position (first share first).
 */
function copyOf(name: string, index: number, count: number, copies: readonly string[]): string {
  const scoped = (part: string) => copies.find((copy) => part.startsWith(`${copy}_`));
  const named = name.split('/').map(scoped).find(Boolean) ?? scoped(name);
  return named ?? copies[Math.min(copies.length - 1, Math.floor((index * copies.length) / count))] ?? '';
}

function keras2Weights(node: GraphNode, items: KerasH5Weight[]): Named {
  const copies = layoutOf(node.type)?.wraps?.copies;
  const inner = copies ? innerOf(node) : undefined;
  return items.map((weight, i) => {
    const leaf = scope(weight.name).pop() ?? weight.name;
    const key =
      copies && inner ? `${node.name}/${copyOf(weight.name, i, items.length, copies)}_${inner.name}/${leaf}` : `${node.name}/${leaf}`;
    return [key, weight.array];
  });
}

function unowned(layerName: string, items: KerasH5Weight[]): Named {
  return items.map((weight) => [`${layerName}/${scope(weight.name).pop() ?? weight.name}`, weight.array]);
}

/** `<layer>_W`, `<layer>_W_i` (LSTM gate i), `<layer>_running_std` … */
const KERAS1_WEIGHT = /(?:^|_)(W|U|b|gamma|beta|running_mean|running_std|alphas)(?:_([a-z]))?$/;
const KERAS1_LEAF: Record<string, string> = {
  W: 'kernel',
  U: 'recurrent_kernel',
  b: 'bias',
  gamma: 'gamma',
  beta: 'beta',
  running_mean: 'moving_mean',
  // Keras 1's BatchNormalization kept the moving variance under this name.
  running_std: 'moving_variance',
  alphas: 'alpha',
};

function keras1Weights(node: GraphNode, items: KerasH5Weight[]): Named | string {
  const wraps = layoutOf(node.type)?.wraps;
  const inner = wraps ? innerOf(node) : undefined;
  if (!wraps || !inner) return keras1Layer(`${node.name}`, node.type, node.params, items);
  const copies = wraps.copies;
  if (!copies) return keras1Layer(`${node.name}`, inner.type, inner.params, items);
  const out: Named = [];
  for (const copy of copies) {
    const own = items.filter((w, i) => copyOf(w.name, i, items.length, copies) === copy);
    const named = keras1Layer(`${node.name}/${copy}_${inner.name}`, inner.type, inner.params, own);
    if (typeof named === 'string') return named;
    out.push(...named);
  }
  return out;
}

function keras1Layer(prefix: string, type: string, params: Record<string, unknown>, items: KerasH5Weight[]): Named | string {
  const parsed = items.map((w) => ({ match: KERAS1_WEIGHT.exec(w.name.replace(/:\d+$/, '')), array: w.array, name: w.name }));
  const unknown = parsed.find((p) => !p.match);
  if (unknown) return `"${unknown.name}" is not a weight name Keras 1 wrote.`;
  const out: Named = [];
  const layout = layoutOf(type);
  const gates = layout?.keras1Gates;
  for (const token of new Set(parsed.map((p) => p.match?.[1] ?? ''))) {
    const parts = parsed.filter((p) => p.match?.[1] === token);
    let array: WeightArray | undefined = parts[0]?.array;
    if (gates && parts.length === gates.length && parts.every((p) => p.match?.[2])) {
      // One weight per gate: Keras 2 concatenates them in the gate order its kernels use.
      const ordered = [...gates].map((g) => parts.find((p) => p.match?.[2] === g)?.array);
      array = ordered.every((a): a is WeightArray => a !== undefined) ? concatLast(ordered) : undefined;
      if (!array) return `its per-gate weights ${token}_${[...gates].join('/')} do not fit together.`;
    } else if (parts.length !== 1) {
      return `it has ${parts.length} weights named ${token}.`;
    }
    if (!array) continue;
    const leaf = layout?.keras1Leaves?.[token] ?? KERAS1_LEAF[token] ?? token;
    out.push([`${prefix}/${leaf}`, leaf === 'kernel' && layout?.keras1Kernel ? layout.keras1Kernel(array, params) : array]);
  }
  return out;
}

/** Keras's `convert_kernel`: Theano convolves, TensorFlow correlates, so the spatial axes are reversed. */
function theanoToTensorflow(node: GraphNode, key: string, array: WeightArray): WeightArray {
  const leaf = key.slice(key.lastIndexOf('/') + 1);
  if (!layoutOf(node.type)?.theanoFlipped?.includes(leaf) || array.shape.length < 3) return array;
  return flip(
    array,
    array.shape.slice(0, -2).map((_, axis) => axis),
  );
}

function problem(message: string, nodeId?: string): Diagnostic {
  return {
    code: 'weights_mismatch',
    severity: 'warning',
    message,
    ...(nodeId ? { nodeId } : {}),
    hint: 'Those weights are left out; the layers they belong to keep fresh weights.',
  };
}
