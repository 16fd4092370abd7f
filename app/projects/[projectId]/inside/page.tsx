import { type InsideRun, InsideWorkbench } from '@/components/inside/InsideWorkbench';
import { urlOf } from '@/components/ui/api';
import { requireUser } from '@/server/auth/current-user';
import { runDatasetLocation } from '@/server/inside/run-dataset-location';
import { runDatasetMeta } from '@/server/predict/run-input';
import { listRuns } from '@/server/training/list-runs';
import * as trainingRoutes from '@/server/training/routes';

export const metadata = { title: 'Inside · NetCanvas' };

/** The Inside tab: what every layer of a finished run's network makes of one input (access is checked by the project layout). */
export default async function InsidePage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ run?: string }>;
}) {
  const { projectId } = await params;
  const { run: wanted } = await searchParams;
  await requireUser(`/projects/${projectId}/inside`);
  const runs = (await listRuns(projectId, { status: 'completed' })).filter((r) => r.hasWeights);
  const chosen = runs.find((r) => r.id === wanted) ?? runs[0];
  let run: InsideRun | null = null;
  if (chosen) {
    const [meta, at] = await Promise.all([runDatasetMeta(chosen.id).catch(() => null), runDatasetLocation(chosen.id)]);
    run = {
      runId: chosen.id,
      modelUrl: urlOf(trainingRoutes.runModel, { params: { runId: chosen.id } }),
      datasetName: meta?.name ?? chosen.dataset,
      classes: meta?.classes ?? null,
      at: meta ? at : null,
      testCount: meta ? meta.counts.test || meta.counts.train : 0,
    };
  }
  const label = (r: (typeof runs)[number]) =>
    `v${r.versionNumber} on ${r.dataset}${r.label ? ` (${r.label})` : ''} · ${r.createdAt.slice(0, 16).replace('T', ' ')}`;
  return <InsideWorkbench projectId={projectId} runs={runs.map((r) => ({ id: r.id, label: label(r) }))} run={run} />;
}
