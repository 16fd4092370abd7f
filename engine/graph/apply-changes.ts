import type { Change, NodeFields } from './changes';
import type { GraphDoc, GraphEdge, GraphGroup, GraphNode } from './schema';

/** A change that does not fit the document it is applied to (an id that is missing or already taken). */
export class ChangeError extends Error {
  constructor(
    message: string,
    /** Position of the offending change in the list. */
    readonly index: number,
  ) {
    super(message);
    this.name = 'ChangeError';
  }
}

/**
 * Applies changes in order and returns the new document. Nothing is mutated; only the lists a change
 * touches are copied, and untouched nodes, edges, params and training settings keep their identity
 * (the analysis reuses its work for them). Throws a `ChangeError` naming the change that does not fit.
 *
 * @example
 * const doc = applyChanges(emptyGraph(), [{ kind: 'node.add', node: { id: 'x', type: 'input', params: {}, position: { x: 0, y: 0 } } }]);
 * doc.nodes.length; // 1
 */
export function applyChanges(doc: GraphDoc, changes: readonly Change[]): GraphDoc {
  return applyWithInverse(doc, changes).doc;
}

/**
 * The changes that undo `changes` on `doc`: applying them to `applyChanges(doc, changes)` gives back
 * a document equal to `doc`.
 *
 * @example
 * const undo = invertChanges(doc, changes);
 * applyChanges(applyChanges(doc, changes), undo); // equals doc
 */
export function invertChanges(doc: GraphDoc, changes: readonly Change[]): Change[] {
  return applyWithInverse(doc, changes).inverse;
}

/** Both at once, in one pass: what the editor store does for every edit, undo and redo. */
export function applyWithInverse(doc: GraphDoc, changes: readonly Change[]): { doc: GraphDoc; inverse: Change[] } {
  if (changes.length === 0) return { doc, inverse: [] };
  const draft = new DocDraft(doc);
  const inverse: Change[] = [];
  changes.forEach((change, i) => {
    inverse.push(draft.apply(change, i));
  });
  return { doc: draft.finish(), inverse: inverse.reverse() };
}

/** A list of items with ids, copied on the first write, with an id → position index rebuilt only after inserts and removals. */
class IdList<T extends { id: string }> {
  private items: readonly T[];
  private copied = false;
  private index: Map<string, number> | null = null;

  constructor(items: readonly T[] | undefined) {
    this.items = items ?? [];
  }

  get changed(): boolean {
    return this.copied;
  }
  get list(): T[] {
    return this.items as T[];
  }

  find(id: string): number {
    if (!this.index) this.index = new Map(this.items.map((item, i) => [item.id, i]));
    return this.index.get(id) ?? -1;
  }
  at(i: number): T {
    return this.items[i] as T;
  }

  insert(item: T, at: number | undefined): number {
    const list = this.writable();
    const i = at === undefined || at > list.length ? list.length : at;
    list.splice(i, 0, item);
    this.index = i === list.length - 1 && this.index ? this.index.set(item.id, i) : null;
    return i;
  }
  remove(i: number): void {
    this.writable().splice(i, 1);
    this.index = null;
  }
  replace(i: number, item: T): void {
    this.writable()[i] = item;
  }

  private writable(): T[] {
    if (!this.copied) {
      this.items = [...this.items];
      this.copied = true;
    }
    return this.items as T[];
  }
}

/** The document under construction while a list of changes is applied. */
class DocDraft {
  private readonly nodes: IdList<GraphNode>;
  private readonly edges: IdList<GraphEdge>;
  private readonly groups: IdList<GraphGroup>;
  private training: GraphDoc['training'];
  private fields: { name?: string; outputs?: string[] };

  constructor(private readonly base: GraphDoc) {
    this.nodes = new IdList(base.nodes);
    this.edges = new IdList(base.edges);
    this.groups = new IdList(base.groups);
    this.training = base.training;
    this.fields = {
      ...(base.name !== undefined ? { name: base.name } : {}),
      ...(base.outputs !== undefined ? { outputs: base.outputs } : {}),
    };
  }

  /** Applies one change; returns its inverse against the state just before it. */
  apply(change: Change, at: number): Change {
    switch (change.kind) {
      case 'node.add':
        return { kind: 'node.remove', id: this.add(this.nodes, change.node, change.index, 'layer', at).id };
      case 'node.remove': {
        const { item, index } = this.take(this.nodes, change.id, 'layer', at);
        return { kind: 'node.add', node: item, index };
      }
      case 'node.update': {
        const i = this.nodes.find(change.id);
        if (i < 0) throw new ChangeError(`Change ${at + 1} updates layer "${change.id}", which does not exist.`, at);
        const node = this.nodes.at(i);
        const { next, inverse } = patch<GraphNode, NodeFields>(node, change.set, change.unset ?? []);
        this.nodes.replace(i, next);
        return { kind: 'node.update', id: node.id, ...inverse } as Change;
      }
      case 'edge.add':
        return { kind: 'edge.remove', id: this.add(this.edges, change.edge, change.index, 'connection', at).id };
      case 'edge.remove': {
        const { item, index } = this.take(this.edges, change.id, 'connection', at);
        return { kind: 'edge.add', edge: item, index };
      }
      case 'group.set': {
        const i = this.groups.find(change.group.id);
        if (i < 0) {
          this.groups.insert(change.group, change.index);
          return { kind: 'group.remove', id: change.group.id };
        }
        const old = this.groups.at(i);
        this.groups.replace(i, change.group);
        return { kind: 'group.set', group: old, index: i };
      }
      case 'group.remove': {
        const { item, index } = this.take(this.groups, change.id, 'block', at);
        return { kind: 'group.set', group: item, index };
      }
      case 'training.patch': {
        const { next, inverse } = patch<Record<string, unknown>, Record<string, unknown>>(
          this.training ?? {},
          change.set,
          change.unset ?? [],
        );
        this.training = Object.keys(next).length > 0 ? next : undefined;
        return { kind: 'training.patch', ...inverse } as Change;
      }
      case 'doc.patch': {
        const { next, inverse } = patch<Record<string, unknown>, Record<string, unknown>>(this.fields, change.set, change.unset ?? []);
        this.fields = next;
        return { kind: 'doc.patch', ...inverse } as Change;
      }
    }
  }

  finish(): GraphDoc {
    const { name: _name, outputs: _outputs, groups: _groups, training: _training, ...rest } = this.base;
    const groups = this.groups.changed ? this.groups.list : this.base.groups;
    return {
      ...rest,
      ...this.fields,
      nodes: this.nodes.changed ? this.nodes.list : this.base.nodes,
      edges: this.edges.changed ? this.edges.list : this.base.edges,
      // An empty group list is left out, as the editor has always written documents (a saved empty list stays).
      ...(groups !== undefined && (groups.length > 0 || !this.groups.changed) ? { groups } : {}),
      ...(this.training !== undefined ? { training: this.training } : {}),
    };
  }

  private add<T extends { id: string }>(list: IdList<T>, item: T, index: number | undefined, what: string, at: number): T {
    if (list.find(item.id) >= 0) throw new ChangeError(`Change ${at + 1} adds ${what} "${item.id}", which already exists.`, at);
    list.insert(item, index);
    return item;
  }

  private take<T extends { id: string }>(list: IdList<T>, id: string, what: string, at: number): { item: T; index: number } {
    const index = list.find(id);
    if (index < 0) throw new ChangeError(`Change ${at + 1} removes ${what} "${id}", which does not exist.`, at);
    const item = list.at(index);
    list.remove(index);
    return { item, index };
  }
}

/**
 * Sets and clears fields of an object; returns the new object (the same one when nothing changed)
 * and the `set`/`unset` pair that restores the old one.
 */
function patch<T extends object, S extends object>(
  current: T,
  set: S,
  unset: readonly string[],
): { next: T; inverse: { set: Record<string, unknown>; unset?: string[] } } {
  const old = current as Record<string, unknown>;
  const next: Record<string, unknown> = { ...old };
  const restore: Record<string, unknown> = {};
  const clear = new Set<string>();
  let changed = false;
  for (const [key, value] of Object.entries(set)) {
    if (value === undefined) continue;
    if (Object.hasOwn(old, key)) restore[key] = old[key];
    else clear.add(key);
    if (old[key] !== value) changed = true;
    next[key] = value;
  }
  for (const key of unset) {
    if (!Object.hasOwn(next, key)) continue;
    if (Object.hasOwn(old, key) && !clear.has(key)) restore[key] = old[key];
    clear.delete(key);
    delete next[key];
    changed = true;
  }
  return {
    next: changed ? (next as T) : current,
    inverse: clear.size > 0 ? { set: restore, unset: [...clear] } : { set: restore },
  };
}
