import type * as tfjs from '@tensorflow/tfjs';
import { type LayerOutput, range } from '../inspect/layer-outputs';
import type { Tf } from '../layers/spec';
import type { GraphModelInfo } from './graph-model-file';
import { concreteShape } from './graph-model-input';

/**
 * Zeros for every input of the model, keyed by input name, at its shape (open sizes taken as 1): the
 * input of the run that checks a model opens, and a stand-in for inputs a user gives no values for.
 */
export function zeroInputs(tf: Tf, info: GraphModelInfo): tfjs.NamedTensorMap {
  const map: tfjs.NamedTensorMap = {};
  for (const input of info.inputs) {
    const dtype = input.dtype === 'int32' || input.dtype === 'bool' ? input.dtype : 'float32';
    map[input.name] = tf.zeros(concreteShape(input.shape), dtype);
  }
  return map;
}

/**
 * Runs the model on one input and returns what the named nodes produced for it — the model's outputs
 * when `nodes` is left out — each as a layer output (engine/inspect) that the activation views
 * draw: the batch of one dropped from the shape. Other inputs of the model, if it has any, get
 * zeros. The input tensor stays the caller's.
 *
 * @example
 * const [probabilities] = await runGraphModel(tf, model, info, x); // { layer: 'Identity', shape: [7], … }
 * const [maps] = await runGraphModel(tf, model, info, x, [{ name: 'conv2d_1/Relu', op: '_FusedConv2D' }]); // shape [31, 31, 32]
 */
export async function runGraphModel(
  tf: Tf,
  model: tfjs.GraphModel,
  info: GraphModelInfo,
  input: tfjs.Tensor,
  nodes: { name: string; op?: string }[] = info.outputs.map((o) => ({ name: o.name })),
): Promise<LayerOutput[]> {
  const first = info.inputs[0];
  if (!first) throw new RangeError('The model has no inputs.');
  const zeros = zeroInputs(tf, info);
  tf.dispose(zeros[first.name]);
  const feed = { ...zeros, [first.name]: input };
  let results: tfjs.Tensor[] = [];
  try {
    results = await executeNodes(
      model,
      feed,
      nodes.map((n) => n.name),
    );
    return await Promise.all(results.map(async (t, i) => asLayerOutput(nodes[i] as { name: string; op?: string }, t)));
  } finally {
    tf.dispose(results);
    for (const [name, t] of Object.entries(zeros)) if (name !== first.name) t.dispose();
  }
}

async function asLayerOutput(node: { name: string; op?: string }, tensor: tfjs.Tensor): Promise<LayerOutput> {
  const values = Float32Array.from((await tensor.data()) as ArrayLike<number>);
  const [min, max] = range(values);
  // One sample's output without its batch of one, as the Inside views draw a layer's output.
  const shape = tensor.shape.length > 1 && tensor.shape[0] === 1 ? tensor.shape.slice(1) : tensor.shape;
  return { layer: node.name, className: node.op ?? 'output', shape, values, min, max };
}

/**
 * `model.execute`, or `executeAsync` for a graph with control flow or outputs of data-dependent
 * shape, which `execute` refuses (TF.js warns on every `executeAsync` of a graph that needs none).
 */
export async function executeNodes(model: tfjs.GraphModel, feed: tfjs.NamedTensorMap, names: string[]): Promise<tfjs.Tensor[]> {
  let out: tfjs.Tensor | tfjs.Tensor[];
  try {
    out = model.execute(feed, names);
  } catch (error) {
    if (!/executeAsync/.test(error instanceof Error ? error.message : String(error))) throw error;
    out = await model.executeAsync(feed, names);
  }
  return Array.isArray(out) ? out : [out];
}
