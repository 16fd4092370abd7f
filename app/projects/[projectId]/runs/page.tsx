import { notFound } from 'next/navigation';
import { RunsBrowser } from '@/components/training/RunsBrowser';
import { requireUser } from '@/server/auth/current-user';
import { ApiError } from '@/server/http/errors';
import { projectAccess } from '@/server/permissions';
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
    await projectAccess(user.id, projectId, 'viewer');
    const [runs, sweeps] = await Promise.all([listRuns(projectId, { limit: 200 }), listSweeps(projectId)]);
    return <RunsBrowser projectId={projectId} initialRuns={runs} sweeps={sweeps} openSweep={sweep ?? null} />;
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
}
