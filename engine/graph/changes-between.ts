import { canonicalJson } from './canonical-json';
import { type Change, DocFieldsSchema, type NodeFields, OPTIONAL_NODE_FIELDS, type OptionalNodeField, TRAINING_KEYS } from './changes';
import type { GraphDoc, GraphNode } from './schema';

const same = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/**
 * The change list that turns `from` into `to`, touching only what differs: a node whose position
 * moved gets a `node.update` of its position alone. Edges and groups that changed are replaced.
 * Removals of edges come first and edge additions last, so every change fits the document it is
 * applied to. Used to bring a document that someone else changed (a shared room) into an editor as
 * ordinary changes.
 *
 * @example
 * const changes = changesBetween(before, after);
 * applyChanges(before, changes); // equal to `after`
 */
export function changesBetween(from: GraphDoc, to: GraphDoc): Change[] {
  if (from === to) return [];
  const out: Change[] = [];
  const toEdges = new Map(to.edges.map((e) => [e.id, e]));
  const fromEdges = new Map(from.edges.map((e) => [e.id, e]));
  for (const edge of from.edges) {
    const next = toEdges.get(edge.id);
    if (!next || !same(edge, next)) out.push({ kind: 'edge.remove', id: edge.id });
  }
  const toNodes = new Map(to.nodes.map((n) => [n.id, n]));
  const fromNodes = new Map(from.nodes.map((n) => [n.id, n]));
  for (const node of from.nodes) if (!toNodes.has(node.id)) out.push({ kind: 'node.remove', id: node.id });
  to.nodes.forEach((node, index) => {
    const before = fromNodes.get(node.id);
    if (!before) out.push({ kind: 'node.add', node, index });
    else if (before !== node) {
      const update = nodeUpdate(before, node);
      if (update) out.push(update);
    }
  });
  out.push(...groupChanges(from, to), ...trainingChanges(from, to), ...docChanges(from, to));
  to.edges.forEach((edge) => {
    const before = fromEdges.get(edge.id);
    if (!before || !same(before, edge)) out.push({ kind: 'edge.add', edge });
  });
  return out;
}

function nodeUpdate(before: GraphNode, after: GraphNode): Change | null {
  const set: NodeFields = {};
  const unset: OptionalNodeField[] = [];
  for (const key of ['type', 'params', 'position'] as const) {
    if (!same(before[key], after[key])) (set as Record<string, unknown>)[key] = after[key];
  }
  for (const key of OPTIONAL_NODE_FIELDS) {
    if (after[key] === undefined) {
      if (before[key] !== undefined) unset.push(key);
    } else if (!same(before[key], after[key])) (set as Record<string, unknown>)[key] = after[key];
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  return { kind: 'node.update', id: after.id, set, ...(unset.length ? { unset } : {}) };
}

function groupChanges(from: GraphDoc, to: GraphDoc): Change[] {
  const out: Change[] = [];
  const next = new Map((to.groups ?? []).map((g) => [g.id, g]));
  const previous = new Map((from.groups ?? []).map((g) => [g.id, g]));
  for (const group of from.groups ?? []) if (!next.has(group.id)) out.push({ kind: 'group.remove', id: group.id });
  for (const group of to.groups ?? []) {
    const before = previous.get(group.id);
    if (!before || !same(before, group)) out.push({ kind: 'group.set', group });
  }
  return out;
}

function trainingChanges(from: GraphDoc, to: GraphDoc): Change[] {
  if (same(from.training, to.training)) return [];
  const before = (from.training ?? {}) as Record<string, unknown>;
  const after = (to.training ?? {}) as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) if (!same(before[key], value)) set[key] = value;
  const unset = TRAINING_KEYS.filter((key) => key in before && !(key in after));
  return [{ kind: 'training.patch', set, ...(unset.length ? { unset } : {}) } as Change];
}

function docChanges(from: GraphDoc, to: GraphDoc): Change[] {
  const set: Record<string, unknown> = {};
  const unset: ('name' | 'outputs')[] = [];
  for (const key of Object.keys(DocFieldsSchema.shape) as ('name' | 'outputs')[]) {
    if (to[key] === undefined) {
      if (from[key] !== undefined) unset.push(key);
    } else if (!same(from[key], to[key])) set[key] = to[key];
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return [];
  return [{ kind: 'doc.patch', set, ...(unset.length ? { unset } : {}) } as Change];
}
