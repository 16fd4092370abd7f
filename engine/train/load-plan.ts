import { z } from 'zod';

/**
 * Which saved weights go into which layer, decided by node id before anything is loaded: a renamed
 * layer keeps its weights, a deleted one gives its weights to nobody, a replaced head starts fresh
 * while every other layer keeps its own.
 */

/** What became of one layer's weights. */
export type LoadStatus =
  /** Every weight of the layer was saved under its node id with the same shape. */
  | 'loaded'
  /** Nothing was saved for this node (a layer added since): it starts from its initialisers. */
  | 'fresh'
  /** Saved under this node id, but with other shapes (its settings changed). */
  | 'shape_mismatch'
  /** Saved under this node id, but some of its weights are not there (e.g. a bias switched on). */
  | 'missing';

/** `all`: resuming — every layer must load, else nothing does. `matching`: load what fits, fresh for the rest. */
export type LoadPolicy = 'all' | 'matching';

/** One weight of a layer: its name within the layer (`kernel`, `bias`…) and shape. */
export interface WeightShape {
  name: string;
  shape: number[];
}

/** A layer of the model to load into, by the node it was compiled from. */
export interface LayerWeightShapes {
  nodeId: string;
  /** The layer's name as the user sees it. */
  label: string;
  weights: WeightShape[];
}

export interface LayerLoad {
  nodeId: string;
  label: string;
  status: LoadStatus;
  /** Why it did not load, in words (`kernel [84, 10] → [84, 3]`). */
  detail?: string;
}

export interface WeightLoadPlan {
  policy: LoadPolicy;
  layers: LayerLoad[];
  /** Names of saved layers the model no longer has (deleted since): their weights go nowhere. */
  unused: string[];
  /** With policy `all`, why nothing is loaded; null when the plan may be applied. */
  problem: string | null;
}

/** A plan as stored with a run's settings and read back by the run page. */
export const WeightLoadPlanSchema = z.object({
  policy: z.enum(['all', 'matching']),
  layers: z.array(
    z.object({
      nodeId: z.string(),
      label: z.string(),
      status: z.enum(['loaded', 'fresh', 'shape_mismatch', 'missing']),
      detail: z.string().optional(),
    }),
  ),
  unused: z.array(z.string()),
  problem: z.string().nullable(),
}) satisfies z.ZodType<WeightLoadPlan>;

/**
 * Compares the model's layers with the saved weights, both keyed by node id.
 *
 * @example
 * planWeightLoad([{ nodeId: 'd1', label: 'head', weights: [{ name: 'kernel', shape: [8, 3] }] }],
 *   new Map([['d1', { label: 'head', weights: [{ name: 'kernel', shape: [8, 10] }] }]]), 'matching');
 * // → layers: [{ nodeId: 'd1', status: 'shape_mismatch', detail: 'kernel [8, 10] → [8, 3]' }]
 */
export function planWeightLoad(
  target: readonly LayerWeightShapes[],
  saved: ReadonlyMap<string, { label: string; weights: readonly WeightShape[] }>,
  policy: LoadPolicy,
): WeightLoadPlan {
  const layers = target.filter((layer) => layer.weights.length > 0).map((layer) => compareLayer(layer, saved.get(layer.nodeId)));
  const present = new Set(target.map((layer) => layer.nodeId));
  const unused = [...saved.entries()].filter(([id, entry]) => !present.has(id) && entry.weights.length > 0).map(([, entry]) => entry.label);
  const failing = layers.filter((layer) => layer.status !== 'loaded');
  const problem =
    policy === 'all' && failing.length > 0
      ? `The saved weights do not fit ${failing.map((layer) => `layer "${layer.label}" (${reasonOf(layer)})`).join(', ')}; nothing was loaded.`
      : null;
  return { policy, layers, unused, problem };
}

function compareLayer(layer: LayerWeightShapes, saved: { weights: readonly WeightShape[] } | undefined): LayerLoad {
  const base = { nodeId: layer.nodeId, label: layer.label };
  if (!saved || saved.weights.length === 0) return { ...base, status: 'fresh' };
  const byName = new Map(saved.weights.map((w) => [w.name, w.shape]));
  for (const weight of layer.weights) {
    const shape = byName.get(weight.name);
    if (!shape) return { ...base, status: 'missing', detail: `no saved ${weight.name}` };
    if (shape.join(',') !== weight.shape.join(','))
      return { ...base, status: 'shape_mismatch', detail: `${weight.name} ${shapeText(shape)} → ${shapeText(weight.shape)}` };
  }
  return { ...base, status: 'loaded' };
}

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function reasonOf(layer: LayerLoad): string {
  return layer.status === 'fresh' ? 'new layer' : (layer.detail ?? layer.status);
}

/**
 * The plan in one line, for the Train tab and the run page:
 * `12 layers loaded, 1 fresh (head: kernel [84, 10] → [84, 3])`.
 */
export function describeLoadPlan(plan: WeightLoadPlan): string {
  if (plan.problem) return plan.problem;
  const loaded = plan.layers.filter((layer) => layer.status === 'loaded').length;
  const fresh = plan.layers.filter((layer) => layer.status !== 'loaded');
  const parts = [`${loaded} layer${loaded === 1 ? '' : 's'} loaded`];
  if (fresh.length > 0) parts.push(`${fresh.length} fresh (${fresh.map((layer) => `${layer.label}: ${reasonOf(layer)}`).join('; ')})`);
  if (plan.unused.length > 0) parts.push(`${plan.unused.length} not used (${plan.unused.join(', ')})`);
  return parts.join(', ');
}
