import { PredictWorkbench } from '@/components/predict/PredictWorkbench';
import type { RunInput } from '@/components/predict/types';
import { requireUser } from '@/server/auth/current-user';
import { runDatasetMeta } from '@/server/predict/run-input';
import { listRuns } from '@/server/training/list-runs';

export const metadata = { title: 'Predict · NetCanvas' };

/** The Predict tab: classify with any finished run of the project (access is checked by the project layout). */
export default async function PredictPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ run?: string }>;
}) {
  const { projectId } = await params;
  const { run: wanted } = await searchParams;
  await requireUser(`/projects/${projectId}/predict`);
  const runs = (await listRuns(projectId, { status: 'completed' })).filter((r) => r.hasWeights || r.kind === 'features');
  const chosen = runs.find((r) => r.id === wanted) ?? runs[0];
  let input: RunInput | null = null;
  if (chosen) {
    const meta = await runDatasetMeta(chosen.id);
    input = { runId: chosen.id, kind: meta.kind, featureShape: meta.featureShape, classes: meta.classes, datasetName: meta.name };
  }
  const label = (r: (typeof runs)[number]) => {
    const accuracy = r.finalMetrics?.testAccuracy ?? r.finalMetrics?.valAccuracy ?? r.finalMetrics?.accuracy;
    return `v${r.versionNumber} on ${r.dataset}${r.label ? ` (${r.label})` : ''} · ${r.createdAt.slice(0, 16).replace('T', ' ')}${
      accuracy === undefined ? '' : ` · ${(accuracy * 100).toFixed(1)} %`
    }`;
  };
  return <PredictWorkbench projectId={projectId} runs={runs.map((r) => ({ id: r.id, label: label(r) }))} input={input} />;
}
