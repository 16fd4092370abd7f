import { notFound } from 'next/navigation';
import { runName } from '@/components/training/run-name';
import { TrainWorkbench } from '@/components/training/TrainWorkbench';
import { requireUser } from '@/server/auth/current-user';
import { ApiError } from '@/server/http/errors';
import { liveRoomsEnabled } from '@/server/live/live-rooms-enabled';
import { runAccess } from '@/server/permissions';
import { projectSummary } from '@/server/projects/project-summary';
import { getRun } from '@/server/training/get-run';
import { getVersion } from '@/server/versions/get-version';
import { listVersions } from '@/server/versions/list-versions';

export const metadata = { title: 'Train · NetCanvas' };

/**
 * The Train tab. `?weights=RUN_ID` starts training from that run's trained weights (the runs page's
 * "Continue training from these weights" leads here).
 */
export default async function TrainPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ weights?: string }>;
}) {
  const { projectId } = await params;
  const { weights } = await searchParams;
  const user = await requireUser(`/projects/${projectId}/train`);
  const project = await projectSummary(user.id, projectId).catch((error: unknown) => {
    if (error instanceof ApiError) notFound();
    throw error;
  });
  const [history, head] = await Promise.all([
    listVersions(projectId, { limit: 200 }),
    project.headNumber ? getVersion(projectId, project.headNumber) : Promise.resolve(null),
  ]);
  const run = weights
    ? await runAccess(user.id, weights, 'viewer')
        .then(() => getRun(weights))
        .catch(() => null)
    : null;
  return (
    <TrainWorkbench
      project={{ id: project.id, role: project.role, teamId: project.teamId }}
      versions={history.versions.map((v) => ({ number: v.number, message: v.message }))}
      head={head ? { number: head.number, graph: head.graph } : null}
      me={{ name: user.name }}
      live={liveRoomsEnabled()}
      weightsRun={
        run?.hasWeights && run.projectId === projectId ? { id: run.id, label: runName(run), versionNumber: run.versionNumber } : null
      }
    />
  );
}
