import { nodeTf } from '@/engine/backends/node-tf';
import type { GraphDoc } from '@/engine/graph/schema';
import type { WeightLoadPlan } from '@/engine/train/load-plan';
import { keptLayerNodes, planForGraph } from '@/engine/train/plan-for-graph';
import { DbNull } from '@/prisma/generated/internal/prismaNamespace';
import type { Tx } from '@/server/db/client';
import type { VersionWeights } from '@/server/weights/schemas';
import { findVersionWeights } from '@/server/weights/version-weights';

/** The weights row a new version gets: a blob that is already stored, and how it fits the version. */
export interface NewVersionWeights {
  blobHash: string;
  specs: VersionWeights['specs'];
  layerNodes: Record<string, string>;
  plan: WeightLoadPlan | null;
  source: string;
}

/**
 * Fits stored weights to a graph by node id: the plan says per layer whether it keeps its weights
 * (`loaded`), is new (`fresh`) or changed shape, and only the loaded layers stay in the node map,
 * so a changed layer does not get stale weights back later. The blob is referenced, never copied.
 * Null when no layer keeps its weights. A graph that does not compile keeps the map as it is, with
 * no plan (nothing can be worked out until its errors are fixed).
 */
export async function fitWeights(stored: Omit<NewVersionWeights, 'plan'>, graph: GraphDoc): Promise<NewVersionWeights | null> {
  const plan = planForGraph(await nodeTf(), graph, stored.specs, stored.layerNodes);
  if (!plan) return { ...stored, plan: null };
  const layerNodes = keptLayerNodes(stored.layerNodes, plan);
  if (Object.keys(layerNodes).length === 0) return null;
  return { ...stored, layerNodes, plan };
}

/**
 * The weights a new version inherits from the version it was made from (its parent, or the version
 * it restores), fitted to its graph; null when that version has none. Same content: same row.
 */
export async function carriedWeights(
  projectId: string,
  from: number | null,
  graph: GraphDoc,
  contentHash: string,
): Promise<NewVersionWeights | null> {
  if (from === null) return null;
  const stored = await findVersionWeights(projectId, from).catch(() => null);
  if (!stored) return null;
  const base = { blobHash: stored.blobHash, specs: stored.specs, layerNodes: stored.layerNodes, source: stored.source };
  if (stored.contentHash === contentHash) return { ...base, plan: stored.plan };
  return fitWeights(base, graph);
}

/** Writes (or replaces) a version's weights row inside the save's transaction. */
export async function writeVersionWeights(tx: Tx, versionId: string, weights: NewVersionWeights): Promise<void> {
  const data = {
    blobHash: weights.blobHash,
    weightSpecs: weights.specs as object[],
    layerNodes: weights.layerNodes,
    plan: weights.plan ? (weights.plan as object) : DbNull,
    source: weights.source,
  };
  await tx.versionWeights.upsert({ where: { versionId }, create: { versionId, ...data }, update: data });
}
