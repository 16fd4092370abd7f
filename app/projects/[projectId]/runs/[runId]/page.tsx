import { notFound } from 'next/navigation';
import { RunView } from '@/components/training/RunView';
import { requireUser } from '@/server/auth/current-user';
import { ApiError } from '@/server/http/errors';
import { atLeast, runAccess } from '@/server/permissions';
import { getRun } from '@/server/training/get-run';

export const metadata = { title: 'Run · NetCanvas' };

/** One run: live curves while it trains, its evaluation, settings and weights. */
export default async function RunPage({ params }: { params: Promise<{ projectId: string; runId: string }> }) {
  const { projectId, runId } = await params;
  const user = await requireUser(`/projects/${projectId}/runs/${runId}`);
  try {
    const access = await runAccess(user.id, runId, 'viewer');
    if (access.projectId !== projectId) notFound();
    const run = await getRun(runId);
    return <RunView run={run} canEdit={atLeast(access.role, 'editor')} />;
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
}
