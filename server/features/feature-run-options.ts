import { db } from '@/server/db/client';
import { listRuns } from '@/server/training/list-runs';
import { getVersion } from '@/server/versions/get-version';

/** What the feature-extraction form offers for a project: the head version's layers and where weights can come from. */
export interface FeatureRunOptions {
  versionNumber: number;
  layers: { id: string; label: string }[];
  /** The layer to suggest: the last one before the head (a flatten or pooling layer when there is one). */
  suggestedLayer: string | null;
  /** The version has weights of its own (a gallery model's). */
  versionHasWeights: boolean;
  /** Finished network runs of this project with trained weights. */
  baseRuns: {
    id: string;
    versionNumber: number;
    name: string | null;
    label: string;
    designName: string;
    createdAt: string;
    dataset: string;
  }[];
}

/** The head version's layers (the input left out) and the weights on offer, or null for a project with no version. */
export async function featureRunOptions(projectId: string): Promise<FeatureRunOptions | null> {
  const project = await db().project.findUnique({ where: { id: projectId }, select: { headNumber: true } });
  if (!project?.headNumber) return null;
  const [version, weights, runs] = await Promise.all([
    getVersion(projectId, project.headNumber),
    db().versionWeights.count({ where: { version: { projectId, number: project.headNumber } } }),
    listRuns(projectId, { status: 'completed', limit: 100 }),
  ]);
  const layers = version.graph.nodes.filter((n) => n.type !== 'input').map((n) => ({ id: n.id, label: `${n.name ?? n.id} (${n.type})` }));
  const pooled = [...version.graph.nodes].reverse().find((n) => /flatten|pool/i.test(n.type));
  return {
    versionNumber: project.headNumber,
    layers,
    suggestedLayer: pooled?.id ?? layers[layers.length - 2]?.id ?? layers[0]?.id ?? null,
    versionHasWeights: weights > 0,
    baseRuns: runs
      .filter((r) => r.kind === 'network' && r.hasWeights && r.versionNumber === project.headNumber)
      .map((r) => ({
        id: r.id,
        versionNumber: r.versionNumber,
        name: r.name,
        label: r.label,
        designName: r.designName,
        createdAt: r.createdAt,
        dataset: r.dataset,
      })),
  };
}
