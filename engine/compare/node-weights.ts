import type * as tfjs from '@tensorflow/tfjs';
import { assignLayerNames } from '../analysis/layer-names';
import type { GraphDoc } from '../graph/schema';
import type { NamedWeightArrays, WeightArray } from '../import/weight-arrays';

/** One weight tensor of a layer: its name within the layer (`kernel`, `moving_mean`), shape and values. */
export interface LayerWeight {
  name: string;
  shape: number[];
  values: Float32Array | Int32Array;
}

/** A side's weights by node id, each layer's in the order its file holds them. */
export type NodeWeights = Record<string, LayerWeight[]>;

const asWeight = (name: string, a: WeightArray): LayerWeight => ({ name, shape: a.shape, values: a.values });

/**
 * Weights keyed `layer/weight` (as importers and TF.js name them) grouped by the node they belong
 * to. A layer name is the node's name, or the unique TF.js layer name the compiler gives it.
 *
 * @example
 * nodeWeightsFromNamed(imported.doc, imported.weightArrays); // { conv1: [{ name: 'kernel', … }, { name: 'bias', … }] }
 */
export function nodeWeightsFromNamed(doc: GraphDoc, named: NamedWeightArrays): NodeWeights {
  const layerNames = assignLayerNames(doc.nodes);
  const owner = new Map<string, string>();
  for (const node of doc.nodes) {
    if (node.sharesWeightsWith !== undefined) continue;
    owner.set(node.name ?? node.id, node.id);
    const compiled = layerNames.get(node.id);
    if (compiled && !owner.has(compiled)) owner.set(compiled, node.id);
  }
  const out: NodeWeights = {};
  for (const [key, array] of Object.entries(named)) {
    const slash = key.indexOf('/');
    if (slash < 0) continue;
    const id = owner.get(key.slice(0, slash));
    if (!id) continue;
    const list = out[id] ?? [];
    list.push(asWeight(key.slice(slash + 1), array));
    out[id] = list;
  }
  return out;
}

/**
 * Named tensors (an import's `weights`, as TF.js layers name them) grouped by node, their values
 * read out once. The caller still owns (disposes) the tensors.
 */
export function nodeWeightsFromTensors(doc: GraphDoc, tensors: tfjs.NamedTensorMap): NodeWeights {
  const named: NamedWeightArrays = {};
  for (const [key, t] of Object.entries(tensors)) {
    const values = t.dataSync();
    if (values instanceof Float32Array || values instanceof Int32Array)
      named[key] = { values, shape: t.shape, dtype: values instanceof Int32Array ? 'int32' : 'float32' };
  }
  return nodeWeightsFromNamed(doc, named);
}

/** The parts of a design's packed weights (`train/packed-weights.ts`) a comparison reads. */
export interface PackedWeightsLike {
  data: Uint8Array;
  specs: readonly { name: string; shape: number[]; dtype: string; quantization?: unknown }[];
  layerNodes: Record<string, string>;
}

/**
 * A design's stored weights (one `weights.bin`, its manifest, the node of each TF.js layer) by node
 * id, decoded without TF.js. Entries of other types than float32 and int32, or quantized ones, are
 * skipped (they are not compared); the offsets still advance past them.
 */
export function nodeWeightsFromPacked(packed: PackedWeightsLike): NodeWeights {
  const out: NodeWeights = {};
  const bytes = packed.data;
  let offset = 0;
  for (const spec of packed.specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const width = spec.dtype === 'bool' ? 1 : 4;
    const start = offset;
    offset += count * width;
    if (spec.quantization !== undefined || (spec.dtype !== 'float32' && spec.dtype !== 'int32')) continue;
    if (offset > bytes.byteLength) break;
    const copy = bytes.slice(start, offset).buffer;
    const values = spec.dtype === 'int32' ? new Int32Array(copy) : new Float32Array(copy);
    const slash = spec.name.indexOf('/');
    const id = packed.layerNodes[slash < 0 ? spec.name : spec.name.slice(0, slash)];
    if (!id) continue;
    const list = out[id] ?? [];
    list.push({ name: slash < 0 ? spec.name : spec.name.slice(slash + 1), shape: spec.shape, values });
    out[id] = list;
  }
  return out;
}
