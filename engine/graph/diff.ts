import type { GraphDoc, GraphEdge, GraphGroup, GraphNode } from './schema';

/** One field that differs: `path` is dotted (`params.kernelRegularizer.l2`, `training.optimizer`). */
export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface NodeRef {
  id: string;
  type: string;
  name?: string;
}

export interface NodeChange extends NodeRef {
  /** Real changes (type, name, params, trainable, group); position is reported in `moved`. */
  changes: FieldChange[];
  /** Set when the node was also moved on the canvas. */
  moved?: { from: { x: number; y: number }; to: { x: number; y: number } };
}

export interface NodeMove extends NodeRef {
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface EdgeRef {
  id: string;
  source: string;
  sourceHandle?: string;
  target: string;
  targetHandle?: string;
}

/** What changed between two graph documents, as data the editor can draw. */
export interface GraphDiff {
  nodes: { added: NodeRef[]; removed: NodeRef[]; changed: NodeChange[]; moved: NodeMove[] };
  edges: { added: EdgeRef[]; removed: EdgeRef[] };
  groups: { added: GraphGroup[]; removed: GraphGroup[]; changed: { id: string; changes: FieldChange[] }[] };
  /** Training settings (`training.*`). */
  training: FieldChange[];
  /** Document-level fields: `name`, `outputs`. */
  document: FieldChange[];
  /** Totals over layers, connections, groups and settings; `layers` and `connections` count those alone. */
  summary: {
    added: number;
    removed: number;
    changed: number;
    moved: number;
    identical: boolean;
    layers: { added: number; removed: number; changed: number; moved: number };
    connections: { added: number; removed: number };
  };
}

/**
 * Compares two graph documents semantically: nodes by id (a move on the canvas is kept apart from
 * a real change), parameters field by field, edges by id and then by their endpoints (so an edge
 * deleted and drawn again between the same ports is no change), groups, training settings.
 *
 * @example
 * const d = diffGraphs(v1, v2);
 * d.nodes.changed[0]; // { id: 'dense_1', type: 'dense', changes: [{ path: 'params.units', kind: 'changed', before: 64, after: 128 }] }
 */
export function diffGraphs(before: GraphDoc, after: GraphDoc): GraphDiff {
  const nodes = diffNodes(before.nodes, after.nodes);
  const edges = diffEdges(before.edges, after.edges);
  const groups = diffGroups(before.groups ?? [], after.groups ?? []);
  const training = diffValues(before.training, after.training, 'training');
  const document = [...diffValues(before.name, after.name, 'name'), ...diffValues(before.outputs, after.outputs, 'outputs')];
  const added = nodes.added.length + edges.added.length + groups.added.length;
  const removed = nodes.removed.length + edges.removed.length + groups.removed.length;
  const changed = nodes.changed.length + groups.changed.length + training.length + document.length;
  const moved = nodes.moved.length;
  return {
    nodes,
    edges,
    groups,
    training,
    document,
    summary: {
      added,
      removed,
      changed,
      moved,
      identical: added + removed + changed + moved === 0,
      layers: { added: nodes.added.length, removed: nodes.removed.length, changed: nodes.changed.length, moved },
      connections: { added: edges.added.length, removed: edges.removed.length },
    },
  };
}

function ref(node: GraphNode): NodeRef {
  return { id: node.id, type: node.type, ...(node.name ? { name: node.name } : {}) };
}

function diffNodes(before: GraphNode[], after: GraphNode[]): GraphDiff['nodes'] {
  const old = new Map(before.map((n) => [n.id, n]));
  const now = new Set(after.map((n) => n.id));
  const result: GraphDiff['nodes'] = { added: [], removed: [], changed: [], moved: [] };
  for (const node of after) {
    const prev = old.get(node.id);
    if (!prev) {
      result.added.push(ref(node));
      continue;
    }
    const changes = [
      ...diffValues(prev.type, node.type, 'type'),
      ...diffValues(prev.name, node.name, 'name'),
      ...diffValues(prev.params, node.params, 'params'),
      ...diffValues(prev.trainable, node.trainable, 'trainable'),
      ...diffValues(prev.groupId, node.groupId, 'groupId'),
    ];
    const moved = prev.position.x !== node.position.x || prev.position.y !== node.position.y;
    const move = { from: { ...prev.position }, to: { ...node.position } };
    if (changes.length > 0) result.changed.push({ ...ref(node), changes, ...(moved ? { moved: move } : {}) });
    else if (moved) result.moved.push({ ...ref(node), ...move });
  }
  for (const node of before) if (!now.has(node.id)) result.removed.push(ref(node));
  return result;
}

function edgeRef(edge: GraphEdge): EdgeRef {
  return {
    id: edge.id,
    source: edge.source,
    ...(edge.sourceHandle !== undefined ? { sourceHandle: edge.sourceHandle } : {}),
    target: edge.target,
    ...(edge.targetHandle !== undefined ? { targetHandle: edge.targetHandle } : {}),
  };
}

const endpoints = (e: GraphEdge) => JSON.stringify([e.source, e.sourceHandle ?? null, e.target, e.targetHandle ?? null]);

function diffEdges(before: GraphEdge[], after: GraphEdge[]): GraphDiff['edges'] {
  const old = new Map(before.map((e) => [e.id, e]));
  const matched = new Set<string>();
  const addedCandidates: GraphEdge[] = [];
  for (const edge of after) {
    const prev = old.get(edge.id);
    if (prev && endpoints(prev) === endpoints(edge)) matched.add(edge.id);
    else addedCandidates.push(edge);
  }
  const removedCandidates = before.filter((e) => !matched.has(e.id));
  // An edge drawn again between the same ports under a new id is the same connection.
  const spare = new Map<string, number>();
  for (const e of removedCandidates) spare.set(endpoints(e), (spare.get(endpoints(e)) ?? 0) + 1);
  const added: EdgeRef[] = [];
  const reused = new Map<string, number>();
  for (const e of addedCandidates) {
    const key = endpoints(e);
    const left = spare.get(key) ?? 0;
    if (left > 0) {
      spare.set(key, left - 1);
      reused.set(key, (reused.get(key) ?? 0) + 1);
    } else added.push(edgeRef(e));
  }
  const removed: EdgeRef[] = [];
  for (const e of removedCandidates) {
    const key = endpoints(e);
    const n = reused.get(key) ?? 0;
    if (n > 0) reused.set(key, n - 1);
    else removed.push(edgeRef(e));
  }
  return { added, removed };
}

function diffGroups(before: GraphGroup[], after: GraphGroup[]): GraphDiff['groups'] {
  const old = new Map(before.map((g) => [g.id, g]));
  const now = new Set(after.map((g) => g.id));
  const result: GraphDiff['groups'] = { added: [], removed: [], changed: [] };
  for (const group of after) {
    const prev = old.get(group.id);
    if (!prev) result.added.push(group);
    else {
      const changes = [...diffValues(prev.name, group.name, 'name'), ...diffValues(prev.collapsed, group.collapsed, 'collapsed')];
      if (changes.length > 0) result.changed.push({ id: group.id, changes });
    }
  }
  for (const group of before) if (!now.has(group.id)) result.removed.push(group);
  return result;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-level differences between two JSON values: objects are compared key by key (recursively);
 * arrays and scalars as whole values, since `[3, 3] → [5, 5]` reads better than two index changes.
 */
export function diffValues(before: unknown, after: unknown, path: string): FieldChange[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ path, kind: 'added', after }];
  if (after === undefined) return [{ path, kind: 'removed', before }];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], `${path}.${key}`));
  }
  return deepEqual(before, after) ? [] : [{ path, kind: 'changed', before, after }];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
