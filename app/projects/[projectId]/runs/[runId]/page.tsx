import { notFound } from 'next/navigation';
import { FeatureRunResult } from '@/components/features/FeatureRunResult';
import { RunView } from '@/components/training/RunView';
import { requireUser } from '@/server/auth/current-user';
import { comparableNetworkRun } from '@/server/features/comparable-network-run';
import { ApiError, toApiError, UNREADABLE_MESSAGE } from '@/server/http/errors';
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
    if (run.kind !== 'features') return <RunView run={run} canEdit={atLeast(access.role, 'editor')} />;
    const network = run.status === 'completed' ? await comparableNetworkRun(run) : null;
    return (
      <>
        <RunView run={run} canEdit={atLeast(access.role, 'editor')} />
        <div className="runs-page">
          <FeatureRunResult run={run} network={network} />
        </div>
      </>
    );
  } catch (error) {
    if (error instanceof ApiError && error.message === UNREADABLE_MESSAGE) {
      toApiError(error, `run page ${runId}`); // logs what does not parse
      return <UnreadableRun />;
    }
    if (error instanceof ApiError) notFound();
    throw error;
  }
}

function UnreadableRun() {
  return (
    <div className="panel" style={{ maxWidth: 560, margin: '3rem auto' }} role="alert">
      <h1>This run's record can't be read</h1>
      <p className="muted">It was stored in a form this version of NetCanvas does not understand. The problem has been logged.</p>
    </div>
  );
}
