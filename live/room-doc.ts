import * as Y from 'yjs';
import { graphContentHash } from '../components/editor/store/content-hash';
import type { Change } from '../engine/graph/changes';
import { changesBetween } from '../engine/graph/changes-between';
import { type ParseResult, parseGraph } from '../engine/graph/parse';
import { emptyGraph, GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc } from '../engine/graph/schema';

/**
 * The graph document of a live room as Yjs types, so concurrent edits merge field by field:
 *
 * - `nodes`: node id → a `Y.Map` of the node's fields (two people changing different fields of one
 *   layer both keep their edit; the same field: one wins, the same one everywhere);
 * - `order`: node ids in document order (read without duplicates, so two concurrent additions of
 *   one id still give one node);
 * - `edges`, `groups`: id → the plain item, replaced as a whole;
 * - `training`: setting → value; `meta`: the document's `name` and `outputs`, and `saved` (the
 *   version the room was last saved as).
 *
 * Edits reach it as the editor's change lists (`writeChanges`); what is read back is always parsed
 * with the graph schema (`readRoomGraph`), and connections whose layers someone removed meanwhile are
 * left out, so a merge of valid edits reads as a valid graph.
 */

type NodeMap = Y.Map<unknown>;

const parts = (ydoc: Y.Doc) => ({
  nodes: ydoc.getMap<NodeMap>('nodes'),
  order: ydoc.getArray<string>('order'),
  edges: ydoc.getMap<unknown>('edges'),
  groups: ydoc.getMap<unknown>('groups'),
  training: ydoc.getMap<unknown>('training'),
  meta: ydoc.getMap<unknown>('meta'),
});

/** Writes one change list into the room, in one transaction tagged with `origin`. */
export function writeChanges(ydoc: Y.Doc, changes: readonly Change[], origin: unknown = null): void {
  if (changes.length === 0) return;
  const p = parts(ydoc);
  ydoc.transact(() => {
    for (const change of changes) writeChange(p, change);
  }, origin);
}

function removeFromOrder(order: Y.Array<string>, id: string): void {
  const ids = order.toArray();
  for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
}

function writeChange(p: ReturnType<typeof parts>, change: Change): void {
  switch (change.kind) {
    case 'node.add': {
      const { id, ...fields } = change.node;
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value);
      p.nodes.set(id, map);
      removeFromOrder(p.order, id);
      p.order.insert(Math.min(change.index ?? p.order.length, p.order.length), [id]);
      return;
    }
    case 'node.remove':
      p.nodes.delete(change.id);
      removeFromOrder(p.order, change.id);
      return;
    case 'node.update': {
      // A layer someone removed meanwhile stays removed.
      const map = p.nodes.get(change.id);
      if (!map) return;
      for (const [key, value] of Object.entries(change.set)) if (value !== undefined) map.set(key, value);
      for (const key of change.unset ?? []) map.delete(key);
      return;
    }
    case 'edge.add':
      p.edges.set(change.edge.id, change.edge);
      return;
    case 'edge.remove':
      p.edges.delete(change.id);
      return;
    case 'group.set':
      p.groups.set(change.group.id, change.group);
      return;
    case 'group.remove':
      p.groups.delete(change.id);
      return;
    case 'training.patch':
      for (const [key, value] of Object.entries(change.set)) if (value !== undefined) p.training.set(key, value);
      for (const key of change.unset ?? []) p.training.delete(key);
      return;
    case 'doc.patch':
      for (const [key, value] of Object.entries(change.set)) if (value !== undefined) p.meta.set(key, value);
      for (const key of change.unset ?? []) p.meta.delete(key);
      return;
  }
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The room's document as plain data, before the graph schema has looked at it. */
export function readRoomRaw(ydoc: Y.Doc): Record<string, unknown> {
  const p = parts(ydoc);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of p.order.toArray()) {
    if (!p.nodes.has(id) || seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  const unordered = [...p.nodes.keys()].filter((id) => !seen.has(id)).sort();
  const nodes = [...ids, ...unordered].map((id) => {
    const map = p.nodes.get(id);
    return { id, ...(map instanceof Y.Map ? map.toJSON() : {}) };
  });
  const present = new Set(nodes.map((n) => n.id));
  const edges = [...p.edges.values()]
    .filter((e): e is { id: string; source: string; target: string } => typeof e === 'object' && e !== null && 'id' in e)
    .filter((e) => present.has(e.source) && present.has(e.target))
    .sort(byId);
  const groups = [...p.groups.values()].filter((g): g is { id: string } => typeof g === 'object' && g !== null && 'id' in g).sort(byId);
  const training = p.training.toJSON();
  const meta = p.meta.toJSON();
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    ...(meta.name !== undefined ? { name: meta.name } : {}),
    nodes,
    edges,
    ...(groups.length ? { groups } : {}),
    ...(meta.outputs !== undefined ? { outputs: meta.outputs } : {}),
    ...(Object.keys(training).length ? { training } : {}),
  };
}

/** The room's document, checked by the graph schema like any document read from outside. */
export function readRoomGraph(ydoc: Y.Doc): ParseResult {
  return parseGraph(readRoomRaw(ydoc));
}

/** Whether nothing was ever written into the room. */
export function isEmptyRoom(ydoc: Y.Doc): boolean {
  return ydoc.share.size === 0 || Y.encodeStateVector(ydoc).length <= 1;
}

/** Fills an empty room with a document (the newest saved version, when a room opens the first time). */
export function seedRoom(ydoc: Y.Doc, doc: GraphDoc, origin: unknown = null): void {
  writeChanges(ydoc, changesBetween(emptyGraph(), doc), origin);
}

/** The version a room was last saved as, with the content hash of what was saved. */
export interface RoomSaved {
  number: number;
  hash: string;
}

/** Records in the room that its state was saved as a version, so every member's editor can tell. */
export function markRoomSaved(ydoc: Y.Doc, saved: RoomSaved, origin: unknown = null): void {
  ydoc.transact(() => parts(ydoc).meta.set('saved', saved), origin);
}

/** The version the room was last saved as, if any. */
export function roomSaved(ydoc: Y.Doc): RoomSaved | null {
  const value = parts(ydoc).meta.get('saved') as Partial<RoomSaved> | undefined;
  return value && typeof value.number === 'number' && typeof value.hash === 'string' ? { number: value.number, hash: value.hash } : null;
}

/**
 * Whether the room lags behind a version: it was last saved as an older one, or never marked at all
 * while the version exists. A room stored before its last edits were saved (the server stopped
 * within the storing delay), or one left open while a version was made elsewhere (a restore, the
 * API), would otherwise bring older settings back over what was saved since.
 */
export function roomIsBehind(ydoc: Y.Doc, version: number): boolean {
  const saved = roomSaved(ydoc);
  return saved === null || saved.number < version;
}

/**
 * Makes the room hold `doc`, saved as version `number`, as one edit like any other (so every copy
 * of the room merges it, and nothing outside the room's history is needed). A room that no longer
 * reads as a graph is emptied first.
 */
export function bringRoomTo(ydoc: Y.Doc, doc: GraphDoc, number: number, origin: unknown = null): void {
  ydoc.transact(() => {
    const read = readRoomGraph(ydoc);
    if (!read.ok) {
      const p = parts(ydoc);
      for (const map of [p.nodes, p.edges, p.groups, p.training, p.meta] as Y.Map<unknown>[]) map.clear();
      p.order.delete(0, p.order.length);
    }
    writeChanges(ydoc, changesBetween(read.ok ? read.doc : emptyGraph(), doc), origin);
    markRoomSaved(ydoc, { number, hash: graphContentHash(doc) }, origin);
  }, origin);
}
