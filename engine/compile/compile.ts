import type * as tfjs from '@tensorflow/tfjs';
import { analyse } from '../analysis/analyse';
import type { Analysis } from '../analysis/types';
import type { Diagnostic } from '../diagnostics';
import { handleIndex } from '../graph/ports';
import type { GraphDoc, GraphNode } from '../graph/schema';
import { layerSpec } from '../layers/registry';
import type { Tf } from '../layers/spec';
import { sharedLayer } from './shared-layer';

export type CompileResult =
  | { ok: true; model: tfjs.LayersModel; analysis: Analysis; layerNames: Map<string, string>; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; analysis: Analysis };

/**
 * Builds an executable TF.js model from a graph through the functional API: branches, skip
 * connections, several inputs and outputs, per-node trainable flags. Layer names are the analysis's
 * stable names, so weights saved from one compile load into the next. Refuses graphs with errors,
 * returning their diagnostics instead of throwing.
 *
 * @example
 * const result = compileGraph(tf, doc);
 * if (result.ok) result.model.predict(tf.zeros([1, 28, 28, 1]));
 */
export function compileGraph(tf: Tf, doc: GraphDoc, analysis: Analysis = analyse(doc)): CompileResult {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors, analysis };
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const needed = ancestorsOfOutputs(analysis, doc);
  const tensors = new Map<string, tfjs.SymbolicTensor[]>();
  const layerNames = new Map<string, string>();
  const modelInputs: tfjs.SymbolicTensor[] = [];
  const built = new Map<string, tfjs.layers.Layer>();
  try {
    for (const id of analysis.order) {
      if (!needed.has(id)) continue;
      const node = byId.get(id) as GraphNode;
      const info = analysis.nodes[id];
      const spec = layerSpec(node.type);
      if (!info?.params || !spec) throw new Error(`node ${id} has no resolved layer`);
      layerNames.set(id, info.layerName);
      if (node.type === 'input') {
        const params = info.params as { shape: (number | null)[]; dtype: 'float32' | 'int32' };
        const tensor = tf.input({ batchShape: [null, ...params.shape], dtype: params.dtype, name: info.layerName });
        modelInputs.push(tensor);
        tensors.set(id, [tensor]);
        continue;
      }
      // A shared layer is built once and applied at each node that uses it.
      const layer =
        built.get(id) ??
        sharedLayer(tf, doc, analysis, node, built) ??
        spec.build(tf, info.params, { name: info.layerName, trainable: node.trainable !== false });
      built.set(id, layer);
      if (node.sharesWeightsWith !== undefined) layerNames.set(id, layer.name);
      const inputs = incomingTensors(doc, id, tensors);
      const applied = layer.apply(spec.inputs.max > 1 ? inputs : (inputs[0] as tfjs.SymbolicTensor)) as
        | tfjs.SymbolicTensor
        | tfjs.SymbolicTensor[];
      tensors.set(id, Array.isArray(applied) ? applied : [applied]);
    }
    const outputs = analysis.outputs.map((ref) => {
      const tensor = tensors.get(ref.nodeId)?.[ref.port];
      if (!tensor) throw new Error(`output ${ref.nodeId}:${ref.port} was not built`);
      return tensor;
    });
    const inputOrder = analysis.inputs.flatMap((id) => tensors.get(id) ?? []);
    const model = tf.model({ inputs: inputOrder.length > 0 ? inputOrder : modelInputs, outputs, name: modelName(doc) });
    const warnings = analysis.diagnostics.filter((d) => d.severity !== 'error');
    return { ok: true, model, analysis, layerNames, warnings };
  } catch (error) {
    return {
      ok: false,
      analysis,
      diagnostics: [
        {
          code: 'unsupported_feature',
          severity: 'error',
          message: `TensorFlow.js could not build this graph: ${(error as Error).message}`,
          hint: 'This combination of layers passes our checks but TensorFlow.js refuses it; simplify the part named in the message.',
        },
      ],
    };
  }
}

/** The tensors arriving at a node, in input-port order (the analysis sorted the edges the same way). */
function incomingTensors(doc: GraphDoc, id: string, tensors: Map<string, tfjs.SymbolicTensor[]>): tfjs.SymbolicTensor[] {
  const edges = doc.edges
    .map((edge, index) => ({ edge, key: handleIndex(edge.targetHandle, 'in') ?? 10000 + index }))
    .filter(({ edge }) => edge.target === id)
    .sort((a, b) => a.key - b.key)
    .map(({ edge }) => edge);
  return edges.map((edge) => {
    const tensor = tensors.get(edge.source)?.[handleIndex(edge.sourceHandle, 'out') ?? 0];
    if (!tensor) throw new Error(`input ${edge.source} of ${id} was not built`);
    return tensor;
  });
}

/** Nodes that feed an output; the rest (warned about as unused) are left out of the model. */
function ancestorsOfOutputs(analysis: Analysis, doc: GraphDoc): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const edge of doc.edges) incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source]);
  const seen = new Set<string>(analysis.inputs);
  const stack = analysis.outputs.map((o) => o.nodeId);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) && !analysis.inputs.includes(id)) continue;
    seen.add(id);
    for (const source of incoming.get(id) ?? []) if (!seen.has(source)) stack.push(source);
  }
  return seen;
}

function modelName(doc: GraphDoc): string {
  const cleaned = (doc.name ?? 'model').replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(cleaned) ? cleaned.slice(0, 60) : `model_${cleaned.slice(0, 54)}`;
}
