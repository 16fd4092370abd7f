import type { Diagnostic } from '../diagnostics';
import { handleIndex } from '../graph/ports';
import type { GraphDoc, GraphEdge, GraphNode } from '../graph/schema';
import { type Topology, topology } from '../graph/topology';
import { layerSpec } from '../layers/registry';
import type { Shape } from '../shape';
import { analyseNode, type NodeOutcome } from './analyse-node';
import { graphDiagnostics, resolveOutputs } from './graph-checks';
import { assignLayerNames } from './layer-names';
import { applySharedLayers } from './shared-layers';
import type { Analysis, EdgeAnalysis, NodeAnalysis, Totals } from './types';

interface CacheEntry {
  node: GraphNode;
  layerName: string;
  inputShapes: (Shape | null)[];
  incomingIds: string;
  outcome: NodeOutcome;
}

/** The ordering of a document, with what it was computed from: its edges array and its node ids. */
interface TopologyEntry {
  edges: GraphDoc['edges'];
  ids: string[];
  topo: Topology;
}

const CACHE = Symbol('analysis-cache');
const TOPOLOGY = Symbol('analysis-topology');
type Cached = Analysis & { [CACHE]?: Map<string, CacheEntry>; [TOPOLOGY]?: TopologyEntry };

/**
 * Works out every node's output shape, parameters, FLOPs and memory, every edge's shape, the totals,
 * and every problem with its node, field and hint. Pass the previous analysis of the same diagram to
 * re-analyse only what an edit affects: a node is recomputed when its own data or its input shapes
 * changed. Never throws.
 *
 * @example
 * const first = analyse(doc);
 * const next = analyse(editedDoc, first); // next.stats.recomputed: only the edited node and what it feeds
 */
export function analyse(doc: GraphDoc, previous?: Analysis): Analysis {
  try {
    return analyseUnsafe(doc, previous as Cached | undefined);
  } catch (error) {
    return failedAnalysis(`Analysis stopped unexpectedly: ${String(error)}`);
  }
}

function analyseUnsafe(doc: GraphDoc, previous: Cached | undefined): Analysis {
  const oldCache = previous?.[CACHE];
  const cache = new Map<string, CacheEntry>();
  const topoEntry = topologyOf(doc, previous?.[TOPOLOGY]);
  const topo = topoEntry.topo;
  const names = assignLayerNames(doc.nodes);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const nodes: Record<string, NodeAnalysis> = {};
  const diagnostics: Diagnostic[] = [...topo.diagnostics];
  const badEdges = new Set<string>(topo.diagnostics.flatMap((d) => (d.edgeId ? [d.edgeId] : [])));
  let recomputed = 0;
  let reused = 0;

  for (const id of topo.order) {
    const node = byId.get(id) as GraphNode;
    const incoming = topo.incoming.get(id) ?? [];
    const inputShapes = incoming.map((edge) => edgeShape(edge, nodes));
    for (const edge of incoming) {
      const issue = missingOutputPort(edge, nodes);
      if (!issue) continue;
      diagnostics.push(issue);
      badEdges.add(edge.id);
    }
    const layerName = names.get(id) ?? id;
    const incomingIds = incoming.map((e) => `${e.id}>${e.targetHandle ?? ''}`).join(',');
    const old = oldCache?.get(id);
    let outcome: NodeOutcome;
    if (old && sameNode(old, node, layerName, incomingIds, inputShapes)) {
      outcome = old.outcome;
      reused++;
    } else {
      outcome = analyseNode(node, layerSpec(node.type), layerName, incoming, inputShapes);
      recomputed++;
    }
    cache.set(id, { node, layerName, inputShapes: outcome.result.inputShapes, incomingIds, outcome });
    nodes[id] = outcome.result;
    diagnostics.push(...outcome.diagnostics);
    if (outcome.badPort !== undefined) {
      const edge = incoming[outcome.badPort];
      if (edge) badEdges.add(edge.id);
    }
  }
  for (const id of topo.cyclic) {
    const node = byId.get(id) as GraphNode;
    nodes[id] = blankNode(node, names.get(id) ?? id, topo.onCycle.has(id) ? 'error' : 'blocked');
  }

  const edges: Record<string, EdgeAnalysis> = {};
  for (const edge of doc.edges) {
    const shape = nodes[edge.source] && nodes[edge.target] ? edgeShape(edge, nodes) : null;
    const loop = topo.loopOf.get(edge.source);
    const onLoop = loop !== undefined && loop === topo.loopOf.get(edge.target);
    edges[edge.id] = { id: edge.id, shape, ok: !badEdges.has(edge.id) && !onLoop };
  }
  const shared = applySharedLayers(doc, nodes);
  diagnostics.push(...shared.diagnostics);
  const inputs = doc.nodes.filter((n) => n.type === 'input').map((n) => n.id);
  const outputs = resolveOutputs(doc, topo, shared.nodes, diagnostics);
  diagnostics.push(...graphDiagnostics(doc, topo, inputs, outputs));
  const analysis: Cached = {
    nodes: shared.nodes,
    edges,
    order: topo.order,
    inputs,
    outputs,
    totals: totalsOf(shared.nodes),
    diagnostics,
    stats: { recomputed, reused },
  };
  Object.defineProperty(analysis, CACHE, { value: cache, enumerable: false });
  Object.defineProperty(analysis, TOPOLOGY, { value: topoEntry, enumerable: false });
  return analysis;
}

/**
 * The ordering depends only on the node ids and the edges. An edit of a layer's settings keeps the
 * edges array and every id, so the previous ordering still holds and sorting 1,000 nodes again is
 * skipped; any other edit sorts afresh.
 */
function topologyOf(doc: GraphDoc, old: TopologyEntry | undefined): TopologyEntry {
  const sameIds = old !== undefined && old.ids.length === doc.nodes.length && doc.nodes.every((n, i) => n.id === old.ids[i]);
  if (old && sameIds && old.edges === doc.edges) return old;
  return { edges: doc.edges, ids: doc.nodes.map((n) => n.id), topo: topology(doc) };
}

function edgeShape(edge: GraphEdge, nodes: Record<string, NodeAnalysis>): Shape | null {
  const source = nodes[edge.source];
  const port = handleIndex(edge.sourceHandle, 'out') ?? 0;
  return source?.outputShapes?.[port] ?? null;
}

/**
 * An edge leaving an output port its source does not have (out:2 of an LSTM without returnState):
 * its target gets no input shape, so without this diagnostic it would be blocked with no reason given.
 */
function missingOutputPort(edge: GraphEdge, nodes: Record<string, NodeAnalysis>): Diagnostic | null {
  const outputs = nodes[edge.source]?.outputShapes;
  const port = handleIndex(edge.sourceHandle, 'out') ?? 0;
  if (!outputs || port < outputs.length) return null;
  const count = outputs.length;
  return {
    code: 'bad_port',
    severity: 'error',
    nodeId: edge.source,
    edgeId: edge.id,
    field: `out:${port}`,
    message: `Connection ${edge.id} leaves output ${port} of "${edge.source}", which has ${count === 1 ? 'only one output' : `${count} outputs`}.`,
    hint: `Connect it from an output the layer has (out:0${count > 1 ? ` to out:${count - 1}` : ''}); recurrent layers get more outputs with returnState.`,
  };
}

function sameNode(old: CacheEntry, node: GraphNode, layerName: string, incomingIds: string, shapes: (Shape | null)[]): boolean {
  if (old.node !== node) {
    if (old.node.type !== node.type || old.node.params !== node.params || old.node.trainable !== node.trainable) return false;
  }
  if (old.layerName !== layerName || old.incomingIds !== incomingIds) return false;
  if (old.inputShapes.length !== shapes.length) return false;
  return shapes.every((s, i) => {
    const o = old.inputShapes[i];
    if (s === o) return true;
    if (!s || !o || s.length !== o.length) return false;
    return s.every((d, j) => d === o[j]);
  });
}

/** A node left out of the order: on a loop (`error`), or only downstream of one (`blocked`). */
function blankNode(node: GraphNode, layerName: string, status: NodeAnalysis['status']): NodeAnalysis {
  return {
    id: node.id,
    type: node.type,
    layerName,
    params: null,
    inputShapes: [],
    outputShapes: null,
    paramCount: null,
    flops: null,
    activationBytes: null,
    status,
  };
}

function totalsOf(nodes: Record<string, NodeAnalysis>): Totals {
  const totals: Totals = { params: 0, trainableParams: 0, nonTrainableParams: 0, flops: 0, activationBytes: 0, complete: true };
  for (const n of Object.values(nodes)) {
    if (!n.paramCount || n.flops === null || n.activationBytes === null) {
      totals.complete = false;
      continue;
    }
    totals.trainableParams += n.paramCount.trainable;
    totals.nonTrainableParams += n.paramCount.nonTrainable;
    totals.flops += n.flops;
    totals.activationBytes += n.activationBytes;
  }
  totals.params = totals.trainableParams + totals.nonTrainableParams;
  return totals;
}

function failedAnalysis(message: string): Analysis {
  return {
    nodes: {},
    edges: {},
    order: [],
    inputs: [],
    outputs: [],
    totals: { params: 0, trainableParams: 0, nonTrainableParams: 0, flops: 0, activationBytes: 0, complete: false },
    diagnostics: [{ code: 'malformed_document', severity: 'error', message }],
    stats: { recomputed: 0, reused: 0 },
  };
}
