import type { Diagnostic } from '../diagnostics';
import { inputHandle, outputHandle } from '../graph/ports';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, type GraphEdge, type GraphNode } from '../graph/schema';
import { paramsFromKerasConfig } from '../keras/config';
import { layerSpec, layerSpecForKerasClass } from '../layers/registry';
import type { FlatModel } from './flatten-model';

/** Config keys whose non-default values change what a model computes but which NetCanvas does not model. */
const BEHAVIOUR_KEYS = new Set(['activity_regularizer', 'stateful', 'implementation']);

/**
 * Turns a flattened Keras model into a graph document: one node per layer call (placeholders for
 * classes the catalog lacks), one edge per tensor, explicit outputs where the sinks alone would not
 * give the file's outputs in its order. Positions are left at zero for the layout step.
 */
export function buildGraph(flat: FlatModel, name?: string): { doc: GraphDoc; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...flat.diagnostics];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  /** The first node of each layer of the file: later calls of the same layer share its weights. */
  const owners = new Map<string, string>();
  for (const call of flat.calls) {
    const spec = call.className === 'InputLayer' ? layerSpec('input') : layerSpecForKerasClass(call.className);
    const node: GraphNode = { id: call.id, type: spec?.type ?? 'unsupported', params: {}, position: { x: 0, y: 0 }, name: call.layerName };
    if (call.group) node.groupId = call.group;
    if (call.config.trainable === false) node.trainable = false;
    const layerKey = JSON.stringify([call.group ?? '', call.layerName, call.className]);
    const owner = owners.get(layerKey);
    if (owner !== undefined && call.className !== 'InputLayer' && spec) node.sharesWeightsWith = owner;
    else owners.set(layerKey, call.id);
    if (!spec) {
      node.params = { className: call.className, config: call.config, reason: reasonFor(call.className) };
      diagnostics.push({
        code: 'import_placeholder',
        severity: 'error',
        nodeId: call.id,
        message: `Layer "${call.layerName}" is a ${call.className}, which NetCanvas cannot build; it was kept as a placeholder.`,
        hint: 'Replace the placeholder with an equivalent layer from the palette, or delete it.',
      });
    } else {
      const { params, ignored } = paramsFromKerasConfig(spec, call.config);
      node.params = params;
      const dropped = ignored.filter((k) => BEHAVIOUR_KEYS.has(k) && call.config[k] !== false);
      if (dropped.length > 0) {
        diagnostics.push({
          code: 'unsupported_feature',
          severity: 'warning',
          nodeId: call.id,
          message: `Layer "${call.layerName}" sets ${dropped.join(', ')}, which NetCanvas does not carry over.`,
          hint: 'Predictions are unaffected unless the model relies on them during training.',
        });
      }
    }
    nodes.push(node);
    const multi = call.inputs.length > 1 || (spec?.inputs.max ?? 1) > 1;
    for (const [k, input] of call.inputs.entries()) {
      const edge: GraphEdge = {
        id: `${input.call}->${call.id}${multi ? `#${k}` : ''}${input.port > 0 ? `@${input.port}` : ''}`,
        source: input.call,
        target: call.id,
      };
      if (input.port > 0) edge.sourceHandle = outputHandle(input.port);
      if (multi) edge.targetHandle = inputHandle(k);
      edges.push(edge);
    }
  }
  const doc: GraphDoc = { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes, edges };
  if (name) doc.name = name;
  if (flat.groups.length > 0) doc.groups = [...new Set(flat.groups)].map((g) => ({ id: g, name: g, collapsed: false }));
  if (!outputsAreSinks(flat, edges)) doc.outputs = flat.outputs.map((o) => (o.port > 0 ? `${o.call}:${o.port}` : o.call));
  return { doc, diagnostics };
}

/** Whether listing the sinks in document order gives exactly the file's outputs. */
function outputsAreSinks(flat: FlatModel, edges: GraphEdge[]): boolean {
  const fed = new Set(edges.map((e) => e.source));
  const sinks = flat.calls.filter((c) => c.className !== 'InputLayer' && !fed.has(c.id)).map((c) => c.id);
  return sinks.length === flat.outputs.length && flat.outputs.every((o, i) => o.port === 0 && o.call === sinks[i]);
}

function reasonFor(className: string): string {
  if (className === 'Lambda') return 'a Lambda layer holds Python code, which cannot run in the browser';
  if (/^(Convolution[123]D|AtrousConvolution|Deconvolution2D|MaxoutDense|Highway|Merge|TimeDistributedDense)$/.test(className)) {
    return 'this is a Keras 1 layer name; re-save the model with Keras 2 or later';
  }
  return 'it is a custom layer or one TensorFlow.js does not provide';
}
