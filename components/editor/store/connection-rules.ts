import { handleIndex, inputHandle } from '../../../engine/graph/ports';
import type { GraphDoc } from '../../../engine/graph/schema';
import { layerSpec } from '../../../engine/layers/registry';
import { formatShape, type Shape } from '../../../engine/shape';
import { findNode, upstream } from './doc-ops';
import type { EditorState } from './editor-state';
import { freeInputPort, incomingEdges, inputPortsOf, nodePorts, outputCount } from './node-ports';

/** Whether a connection may be drawn; when it may, the port it lands on and the edges it replaces. */
export type ConnectionCheck = { ok: true; targetHandle: string | undefined; replaces: string[] } | { ok: false; reason: string };

/** One input port a dragged connection could be dropped on, for dimming the invalid ones. */
export interface PortTarget {
  nodeId: string;
  handle: string;
  ok: boolean;
  reason?: string;
}

/**
 * Checks a connection from an output port to an input port before it is made: refuses self-loops,
 * loops through the graph, ports the layers do not have, exact duplicates, and tensors of a rank the
 * target cannot take (when the source's output shape is known). A connection into an occupied port
 * of a single-input layer (or an explicit occupied merge port) replaces the edge that is there.
 *
 * @example
 * canConnect(state, 'dense_1', 'out:0', 'lstm_1', undefined)
 * // → { ok: false, reason: 'LSTM takes inputs with 2 dimensions per sample (rank 3), but dense_1 gives (None, 32).' }
 */
export function canConnect(
  state: EditorState,
  source: string,
  sourceHandle: string | undefined,
  target: string,
  targetHandle: string | undefined,
): ConnectionCheck {
  return checkConnection(state, source, sourceHandle, target, targetHandle, () => upstream(state.doc, source), true);
}

/**
 * Every input port of every other node, with whether a connection dragged from `source`'s output
 * `sourceHandle` may land there. The upstream set is computed once, so this is linear in the graph.
 */
export function validTargets(state: EditorState, source: string, sourceHandle?: string): PortTarget[] {
  const ancestors = upstream(state.doc, source);
  const targets: PortTarget[] = [];
  for (const node of state.doc.nodes) {
    if (node.id === source) continue;
    for (const handle of nodePorts(state, node).inputs) {
      const check = checkConnection(state, source, sourceHandle, node.id, handle, () => ancestors, false);
      targets.push(check.ok ? { nodeId: node.id, handle, ok: true } : { nodeId: node.id, handle, ok: false, reason: check.reason });
    }
  }
  return targets;
}

function checkConnection(
  state: EditorState,
  source: string,
  sourceHandle: string | undefined,
  target: string,
  targetHandle: string | undefined,
  ancestorsOfSource: () => Set<string>,
  /** Name the loop a refused connection would close (a graph walk: skipped when checking every port at once). */
  describeLoop: boolean,
): ConnectionCheck {
  const { doc } = state;
  const from = findNode(doc, source);
  const to = findNode(doc, target);
  if (!from || !to) return { ok: false, reason: `There is no layer "${from ? target : source}".` };
  if (source === target) return { ok: false, reason: 'A layer cannot feed itself.' };

  const outPort = handleIndex(sourceHandle, 'out') ?? 0;
  if (Number.isNaN(outPort)) return { ok: false, reason: `"${sourceHandle}" is not an output port.` };
  const outputs = outputCount(state, from);
  if (outPort >= outputs)
    return { ok: false, reason: `${nameOf(state, source)} has ${plural(outputs, 'output')}; it has no output ${outPort + 1}.` };

  const spec = layerSpec(to.type);
  const max = spec?.inputs.max ?? Number.POSITIVE_INFINITY;
  if (max === 0) return { ok: false, reason: `${spec?.label ?? to.type} layers start the network; nothing can connect into them.` };
  const requested = handleIndex(targetHandle, 'in');
  if (requested !== null && Number.isNaN(requested)) return { ok: false, reason: `"${targetHandle}" is not an input port.` };
  if (requested !== null && requested >= max) {
    return { ok: false, reason: `${nameOf(state, target)} takes ${plural(max, 'input')}; it has no input ${requested + 1}.` };
  }

  const occupied = inputPortsOf(doc, target);
  let port: number;
  let handle: string | undefined;
  if (max === 1) {
    port = 0;
    handle = targetHandle;
  } else if (requested !== null) {
    port = requested;
    handle = targetHandle;
  } else {
    port = freeInputPort(doc, target);
    if (port >= max) {
      return { ok: false, reason: `Every input of ${nameOf(state, target)} is connected; drop the connection on an input to replace it.` };
    }
    handle = inputHandle(port);
  }
  // A single-input layer keeps one connection: the new one replaces whatever feeds it now.
  const incoming = incomingEdges(doc, target);
  const replaces = incoming.filter((e) => max === 1 || occupied.get(e.id) === port).map((e) => e.id);
  const duplicate = incoming.some(
    (e) => replaces.includes(e.id) && e.source === source && (handleIndex(e.sourceHandle, 'out') ?? 0) === outPort,
  );
  if (duplicate) return { ok: false, reason: `${nameOf(state, source)} is already connected there.` };

  if (ancestorsOfSource().has(target)) {
    const loop = describeLoop ? `: ${loopPath(doc, target, source, state)}` : '';
    return { ok: false, reason: `This connection would make a loop${loop}. Networks flow one way.` };
  }

  const shape = state.analysis.nodes[source]?.outputShapes?.[outPort];
  const rankProblem =
    spec && shape ? rankReason(spec.label, spec.inputs.portRanks?.[port] ?? spec.inputs, shape, nameOf(state, source)) : null;
  if (rankProblem) return { ok: false, reason: rankProblem };
  return { ok: true, targetHandle: handle, replaces };
}

function rankReason(label: string, contract: { minRank?: number; maxRank?: number }, shape: Shape, sourceName: string): string | null {
  const { minRank, maxRank } = contract;
  const rank = shape.length;
  if ((minRank === undefined || rank >= minRank) && (maxRank === undefined || rank <= maxRank)) return null;
  const dims = (r: number) => r - 1;
  const want =
    minRank !== undefined && maxRank !== undefined
      ? minRank === maxRank
        ? `${plural(dims(minRank), 'dimension')}`
        : `${dims(minRank)} to ${dims(maxRank)} dimensions`
      : minRank !== undefined
        ? `at least ${plural(dims(minRank), 'dimension')}`
        : `at most ${plural(dims(maxRank ?? 1), 'dimension')}`;
  const fix =
    maxRank !== undefined && rank > maxRank ? 'Add a Flatten or pooling layer between them.' : 'Add a Reshape layer between them.';
  return `${label} takes inputs with ${want} per sample, but ${sourceName} gives ${formatShape(shape)}. ${fix}`;
}

/** The path `from → … → to` that already exists, which the new edge `to → from` would close. */
function loopPath(doc: GraphDoc, from: string, to: string, state: EditorState): string {
  const outgoing = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const list = outgoing.get(edge.source);
    if (list) list.push(edge.target);
    else outgoing.set(edge.source, [edge.target]);
  }
  const previous = new Map<string, string>();
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    if (id === to) break;
    for (const next of outgoing.get(id) ?? []) {
      if (previous.has(next) || next === from) continue;
      previous.set(next, id);
      queue.push(next);
    }
  }
  const path = [to];
  for (let id = previous.get(to); id !== undefined; id = previous.get(id)) path.unshift(id);
  return [...path, from].map((id) => nameOf(state, id)).join(' → ');
}

function nameOf(state: EditorState, id: string): string {
  return findNode(state.doc, id)?.name ?? id;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
