import { notFound } from 'next/navigation';
import { FeatureRunForm } from '@/components/features/FeatureRunForm';
import { RunsBrowser } from '@/components/training/RunsBrowser';
import { requireUser } from '@/server/auth/current-user';
import { featureRunOptions } from '@/server/features/feature-run-options';
import { ApiError } from '@/server/http/errors';
import { atLeast, projectAccess } from '@/server/permissions';
import { projectSummary } from '@/server/projects/project-summary';
import { listSweeps } from '@/server/training/get-sweep';
import { listRuns } from '@/server/training/list-runs';

export const metadata = { title: 'Runs · NetCanvas' };

/** The Runs tab: every run of the project, comparisons, sweeps (`?sweep=ID` opens one). */
export default async function RunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ sweep?: string }>;
}) {
  const { projectId } = await params;
  const { sweep } = await searchParams;
  const user = await requireUser(`/projects/${projectId}/runs`);
  try {
    const access = await projectAccess(user.id, projectId, 'viewer');
    const [runs, sweeps, project, features] = await Promise.all([
      listRuns(projectId, { limit: 200 }),
      listSweeps(projectId),
      projectSummary(user.id, projectId),
      featureRunOptions(projectId),
    ]);
    return (
      <>
        <RunsBrowser projectId={projectId} initialRuns={runs} sweeps={sweeps} openSweep={sweep ?? null} />
        {features && atLeast(access.role, 'editor') ? (
          <div className="runs-page">
            <FeatureRunForm projectId={projectId} teamId={project.teamId} options={features} />
          </div>
        ) : null}
      </>
    );
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
}
