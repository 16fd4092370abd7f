import type { Analysis } from '../analysis/types';
import type { Change } from './changes';
import { keptByCut } from './cut-after';
import { freshEdgeId, freshId } from './fresh-ids';
import { NODE_HEIGHT } from './layer-box';
import { removalChanges } from './removal-changes';
import type { GraphDoc, GraphNode } from './schema';
import { topology } from './topology';

/** Layers that end a backbone: what comes after them is the classifier head. */
const HEAD_STARTS: ReadonlySet<string> = new Set([
  'flatten',
  'globalAveragePooling2d',
  'globalMaxPooling2d',
  'globalAveragePooling1d',
  'globalMaxPooling1d',
]);

/** Pooling that turns a backbone's output into one vector per sample, by the rank of that output. */
const POOLING_FOR_RANK: Record<number, string> = { 3: 'globalAveragePooling1d', 4: 'globalAveragePooling2d' };

/** Vertical distance between two stacked layers, as the editor places them. */
const ROW_GAP = NODE_HEIGHT + 50;

export interface HeadOptions {
  /** The layer to keep up to; default the last Flatten or global pooling layer. */
  after?: string;
  /** Classes of the new head: the units of its softmax Dense layer. */
  classes: number;
  /** Dropout rate before the new Dense layer (0 or omitted: none). */
  dropout?: number;
}

export type HeadPlan =
  | {
      ok: true;
      changes: Change[] /** The layer the head was cut at. */;
      cutAt: string /** Ids of the added layers, in order. */;
      added: string[];
    }
  | { ok: false; problem: string };

/** The last layer, in topological order, that ends the backbone (Flatten or global pooling), if any. */
export function headStart(doc: GraphDoc): string | undefined {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return topology(doc)
    .order.filter((id) => HEAD_STARTS.has(byId.get(id)?.type ?? ''))
    .at(-1);
}

/**
 * Replaces a model's classifier head, as one change list: everything after the chosen layer (or the
 * last Flatten / global pooling layer) is removed, then a new head is added for `classes` classes —
 * global average pooling when the kept output is still a feature map, optional dropout, and
 * Dense(classes, softmax). The kept layers are not touched, so their weights, carried by node id,
 * still fit. Problems (no such layer, no shape known yet, too few classes) come back in words.
 *
 * @example
 * const plan = replaceHeadChanges(mobilenet, analyse(mobilenet), { after: 'out_relu', classes: 3 });
 * // removes the old Dense layers, adds globalAveragePooling2d_1 → dense_1 (3 units, softmax)
 */
export function replaceHeadChanges(doc: GraphDoc, analysis: Analysis, options: HeadOptions): HeadPlan {
  if (!Number.isInteger(options.classes) || options.classes < 2)
    return { ok: false, problem: `A classifier head needs a whole number of classes, at least 2 (got ${options.classes}).` };
  if (options.dropout !== undefined && !(options.dropout >= 0 && options.dropout < 1))
    return { ok: false, problem: `The dropout rate must be at least 0 and below 1 (got ${options.dropout}).` };
  const cutAt = options.after ?? headStart(doc);
  if (cutAt === undefined)
    return { ok: false, problem: 'This design has no Flatten or global pooling layer: choose the layer the new head should follow.' };
  const last = doc.nodes.find((n) => n.id === cutAt);
  if (!last) return { ok: false, problem: `There is no layer "${cutAt}" to put the new head after.` };
  const shape = analysis.nodes[cutAt]?.outputShapes?.[0];
  if (!shape)
    return { ok: false, problem: `The output shape of ${last.name ?? cutAt} is not known yet: fix the problems before it first.` };
  const pooling = shape.length === 2 ? null : POOLING_FOR_RANK[shape.length];
  if (pooling === undefined)
    return {
      ok: false,
      problem: `${last.name ?? cutAt} outputs a rank-${shape.length} tensor; a classifier head needs a vector or a feature map after it.`,
    };

  const keep = keptByCut(doc, cutAt);
  const removed = new Set(doc.nodes.filter((n) => !keep.has(n.id)).map((n) => n.id));
  const changes: Change[] = removalChanges(doc, removed).filter((c) => c.kind !== 'doc.patch');
  const taken = new Set(doc.nodes.map((n) => n.id));
  const layers: Pick<GraphNode, 'type' | 'params'>[] = [
    ...(pooling ? [{ type: pooling, params: {} }] : []),
    ...(options.dropout ? [{ type: 'dropout', params: { rate: options.dropout } }] : []),
    { type: 'dense', params: { units: options.classes, activation: 'softmax' } },
  ];
  const added: string[] = [];
  let previous = cutAt;
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  for (const [i, layer] of layers.entries()) {
    const id = freshId(layer.type, taken);
    const position = { x: last.position.x, y: last.position.y + ROW_GAP * (i + 1) };
    changes.push({ kind: 'node.add', node: { id, type: layer.type, params: layer.params, position } });
    changes.push({ kind: 'edge.add', edge: { id: freshEdgeId(previous, id, takenEdges), source: previous, target: id } });
    added.push(id);
    previous = id;
  }
  if (doc.outputs) {
    const others = doc.outputs.filter((ref) => {
      const node = ref.replace(/:\d+$/, '');
      return keep.has(node) && node !== cutAt;
    });
    changes.push({ kind: 'doc.patch', set: { outputs: [...others, previous] } });
  }
  return { ok: true, changes, cutAt, added };
}
