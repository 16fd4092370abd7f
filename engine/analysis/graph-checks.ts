import type { Diagnostic } from '../diagnostics';
import type { GraphDoc } from '../graph/schema';
import type { Topology } from '../graph/topology';
import type { NodeAnalysis, OutputRef } from './types';

/**
 * The model's outputs: the document's explicit `outputs` list, or else every output port of the nodes
 * nothing reads from (Input layers excepted), in document order.
 */
export function resolveOutputs(doc: GraphDoc, topo: Topology, nodes: Record<string, NodeAnalysis>, diagnostics: Diagnostic[]): OutputRef[] {
  if (doc.outputs) {
    const refs: OutputRef[] = [];
    for (const ref of doc.outputs) {
      const parsed = parseOutputRef(ref, nodes);
      if (!parsed) {
        diagnostics.push({
          code: 'unknown_output',
          severity: 'error',
          field: 'outputs',
          message: `The outputs list names "${ref}", which is not a node of this graph.`,
          hint: 'Remove it from the outputs or pick an existing layer.',
        });
        continue;
      }
      const count = nodes[parsed.nodeId]?.outputShapes?.length;
      if (count !== undefined && parsed.port >= count) {
        diagnostics.push({
          code: 'unknown_output',
          severity: 'error',
          nodeId: parsed.nodeId,
          field: 'outputs',
          message: `The outputs list names port ${parsed.port} of "${parsed.nodeId}", which has ${count} output${count === 1 ? '' : 's'}.`,
          hint: 'Pick an existing output port.',
        });
        continue;
      }
      refs.push(parsed);
    }
    return refs;
  }
  const refs: OutputRef[] = [];
  for (const node of doc.nodes) {
    // A sink behind a loop is still an output (of unknown shape): the loop is the only problem.
    if (node.type === 'input' || !nodes[node.id]) continue;
    if ((topo.outgoing.get(node.id) ?? []).length > 0) continue;
    const count = nodes[node.id]?.outputShapes?.length ?? 1;
    for (let port = 0; port < count; port++) refs.push({ nodeId: node.id, port });
  }
  return refs;
}

function parseOutputRef(ref: string, nodes: Record<string, NodeAnalysis>): OutputRef | null {
  if (nodes[ref]) return { nodeId: ref, port: 0 };
  const match = /^(.*):(\d+)$/.exec(ref);
  if (match && nodes[match[1] as string]) return { nodeId: match[1] as string, port: Number(match[2]) };
  return null;
}

/** Problems of the graph as a whole: no inputs, no outputs, layers that lead nowhere. */
export function graphDiagnostics(doc: GraphDoc, topo: Topology, inputs: string[], outputs: OutputRef[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (inputs.length === 0) {
    diagnostics.push({
      code: 'no_input',
      severity: 'error',
      message: doc.nodes.length === 0 ? 'The graph is empty.' : 'The graph has no Input layer.',
      hint: 'Start the network with an Input layer from the palette and set the shape of one sample.',
    });
  }
  if (outputs.length === 0 && doc.nodes.length > 0) {
    diagnostics.push({
      code: 'no_output',
      severity: 'error',
      message: 'The graph has no output: every layer feeds another one, or only Input layers remain.',
      hint: 'End the network with a layer that nothing else reads from, such as a Dense layer with one unit per class.',
    });
  }
  const reachesOutput = new Set<string>();
  const stack = outputs.map((o) => o.nodeId);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (reachesOutput.has(id)) continue;
    reachesOutput.add(id);
    for (const edge of topo.incoming.get(id) ?? []) stack.push(edge.source);
  }
  if (outputs.length > 0) {
    for (const node of doc.nodes) {
      if (reachesOutput.has(node.id) || topo.cyclic.has(node.id)) continue;
      diagnostics.push({
        code: 'unused_node',
        severity: 'warning',
        nodeId: node.id,
        message: `"${node.name ?? node.id}" does not lead to any output of the model, so it has no effect.`,
        hint: 'Connect it to the rest of the network or delete it.',
      });
    }
  }
  return diagnostics;
}
