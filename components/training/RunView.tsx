'use client';

import './training.css';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { call, urlOf } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { Evaluation } from '@/engine/train/evaluation';
import { WeightLoadPlanSchema } from '@/engine/train/load-plan';
import { runDurationMs } from '@/engine/train/time-left';
import * as predictRoutes from '@/server/predict/routes';
import * as trainingRoutes from '@/server/training/routes';
import type { RunDetail } from '@/server/training/schemas';
import * as weightRoutes from '@/server/weights/routes';
import { phaseTwoFromSettings } from './charts/PhaseFigures';
import { EvaluationView } from './EvaluationView';
import { formatDuration } from './ProgressBar';
import { RunExport } from './RunExport';
import { RunLive } from './RunLive';
import { RunNameEditor } from './RunNameEditor';
import { RunTimingView } from './RunTimingView';
import { settingLabel } from './setting-label';
import { flattenSettings } from './settings-diff';
import { useFreshRun } from './useFreshRun';
import { WeightPlanNote } from './WeightPlanNote';

/**
 * One run: what it trained (version, dataset, settings), where and on which backend, how it went
 * (live while it runs), what it gets right and wrong, and what to do with its weights.
 */
export function RunView({ run: initialRun, canEdit }: { run: RunDetail; canEdit: boolean }) {
  const router = useRouter();
  const { run, refresh, error: refreshError } = useFreshRun(initialRun);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const final = run.status === 'completed' || run.status === 'failed' || run.status === 'cancelled';
  const settings = flattenSettings(run);
  const remove = async () => {
    if (!window.confirm('Delete this run, its figures and its trained weights?')) return;
    const result = await call(trainingRoutes.deleteRun, { params: { runId: run.id } });
    if (!result.ok) return setError(result.message);
    router.push(`/projects/${run.projectId}/runs`);
  };
  // A new version of the design whose weights are this run's, matched by node id; then the editor opens it.
  const openWithWeights = async () => {
    const result = await call(weightRoutes.openRunWeights, { params: { runId: run.id } });
    if (!result.ok) return setError(result.message);
    router.push(`/projects/${result.data.projectId}`);
  };
  // Server runs record how the weights of the run they continue from were loaded.
  const stored = WeightLoadPlanSchema.safeParse(run.config.weightPlan);
  const weightPlan = stored.success ? stored.data : null;
  return (
    <div className="runs-page" data-hydrated="true">
      <p className="small">
        <Link href={`/projects/${run.projectId}/runs`}>← All runs</Link>
      </p>
      <section className="panel">
        <RunNameEditor run={run} runId={run.id} canEdit={canEdit} />
        <p className="muted">
          Version {run.versionNumber} on {run.dataset}, trained {run.place === 'browser' ? 'in a browser' : 'on a server worker'}
          {run.backend ? ` (${run.backend})` : ''}. Started {run.startedAt ? new Date(run.startedAt).toLocaleString() : 'not yet'}
          {run.wallTimeMs !== null ? `; wall time ${formatDuration(run.wallTimeMs)}` : ''}.
        </p>
        {run.resumedFromEpoch !== null ? (
          <p className="note" data-testid="resume-marker">
            A worker running this run was lost; another one resumed it from its checkpoint at epoch {run.resumedFromEpoch + 1} (attempt{' '}
            {run.attempts}).
          </p>
        ) : null}
        {weightPlan ? <WeightPlanNote plan={weightPlan} /> : null}
        {run.error ? <p className="alert error">{run.error}</p> : null}
        <ErrorNote message={error ?? refreshError} />
        {notice ? (
          <p className="alert ok small" role="status">
            {notice}
          </p>
        ) : null}
        <div className="train-actions">
          {run.hasWeights ? (
            <>
              <Link className="button primary" href={`/projects/${run.projectId}/train?weights=${run.id}`}>
                Continue training from these weights
              </Link>
              <Link className="button" href={`/projects/${run.projectId}/predict?run=${run.id}`}>
                Predict with this run
              </Link>
              <Link className="button" href={`/projects/${run.projectId}/inside?run=${run.id}`}>
                Look inside
              </Link>
              {canEdit ? (
                <button type="button" className="button" onClick={openWithWeights}>
                  Open in editor with these weights
                </button>
              ) : null}
              <RunExport run={run} onNotice={setNotice} />
              <a
                className="button"
                href={urlOf(predictRoutes.exportRun, { params: { runId: run.id } })}
                download
                title="Its model.json and weights.bin are reloaded and checked on the server; metadata.json says how that went (check)."
              >
                Deployable zip (TF.js + page)
              </a>
            </>
          ) : null}
          {canEdit && final ? (
            <button type="button" className="button danger" onClick={remove}>
              Delete run
            </button>
          ) : null}
        </div>
      </section>
      <section className="panel">
        <RunLive
          runId={run.id}
          canCancel={canEdit}
          initialStatus={initialRun.status}
          doneInMs={runDurationMs(run)}
          onEnd={refresh}
          phaseTwoFrom={phaseTwoFromSettings(run.config)}
        />
      </section>
      {run.evaluation ? (
        <section className="panel">
          <EvaluationView evaluation={run.evaluation as Evaluation} />
        </section>
      ) : null}
      {run.timing ? (
        <section className="panel">
          <RunTimingView timing={run.timing} />
        </section>
      ) : null}
      <section className="panel">
        <h3>Settings</h3>
        <table className="diff-table">
          <tbody>
            {Object.entries(settings).map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{settingLabel(k)}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
