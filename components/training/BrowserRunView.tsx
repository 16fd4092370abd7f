'use client';

import Link from 'next/link';
import { TrainingInside } from '@/components/inside/TrainingInside';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { BackendProbeProgress } from './BackendProbeProgress';
import { backendLabel } from './backend-label';
import { TrainingCharts } from './charts/TrainingCharts';
import { EvaluationView } from './EvaluationView';
import { MetricsTable } from './MetricsTable';
import { ProgressBar } from './ProgressBar';
import { paceOf } from './pace';
import { RunTimingView } from './RunTimingView';
import type { useBrowserTraining } from './useBrowserTraining';
import { WeightPlanNote } from './WeightPlanNote';

/**
 * A run in this browser, as it goes and when it is done: the backend it measured and chose, progress
 * and speed, pause/resume/stop, live curves, the final figures, the tensor check and the evaluation.
 */
export function BrowserRunView({ training, projectId }: { training: ReturnType<typeof useBrowserTraining>; projectId: string }) {
  const { state, phase } = training;
  const pace = training.config ? paceOf(training.batches, training.config.batchSize) : null;
  const active = state.status === 'running' || state.status === 'paused';
  return (
    <div className="browser-run" data-phase={phase} data-status={state.status}>
      <p className="backend-line" data-testid="backend">
        {phase === 'measuring' ? <BackendProbeProgress candidates={training.candidates} probe={training.probe} /> : null}
        {training.backend ? (
          <>
            Training on <strong>{backendLabel(training.backend, training.wasmThreads)}</strong>
            {training.figures.length > 1 ? (
              <span className="muted small">
                {' '}
                (measured:{' '}
                {training.figures
                  .map((f) =>
                    f.error
                      ? `${f.backend} unavailable`
                      : `${backendLabel(f.backend, training.wasmThreads)} ${Math.round(f.samplesPerSecond).toLocaleString('en')} samples/s`,
                  )
                  .join(' · ')}
                )
              </span>
            ) : null}
          </>
        ) : null}
      </p>
      {state.status !== 'queued' ? <ProgressBar state={state} /> : null}
      {pace !== null ? (
        <p className="muted small" data-samples-per-second={Math.round(pace)}>
          {Math.round(pace).toLocaleString('en')} samples/s{active ? '' : ' at the end'}
        </p>
      ) : null}
      <div className="train-actions">
        {state.status === 'running' ? (
          <button type="button" className="button" onClick={training.pause}>
            Pause
          </button>
        ) : null}
        {state.status === 'paused' ? (
          <button type="button" className="button" onClick={training.resume}>
            Resume
          </button>
        ) : null}
        {active || phase === 'measuring' ? (
          <button type="button" className="button danger" onClick={training.stop}>
            Stop
          </button>
        ) : null}
        {training.runId ? (
          <Link className="small" href={`/projects/${projectId}/runs/${training.runId}`}>
            This run on the Runs tab
          </Link>
        ) : null}
      </div>
      {training.weightPlan ? <WeightPlanNote plan={training.weightPlan} /> : null}
      <ErrorNote message={training.error} />
      <TrainingCharts batches={training.batches} epochs={training.epochs} revision={training.revision} />
      <TrainingInside views={training.views} plane={training.plane} />
      {phase === 'saving' ? <p className="muted">Saving the result and the trained weights…</p> : null}
      {training.finalMetrics && phase === 'done' ? <MetricsTable metrics={training.finalMetrics} testId="final-metrics" /> : null}
      {training.tensors && phase === 'done' ? (
        <p className="muted small" data-testid="tensor-check" data-leaked={training.tensors.after - training.tensors.baseline}>
          Tensors in memory: {training.tensors.baseline} before the run, {training.tensors.after} after it
          {training.tensors.after === training.tensors.baseline ? ' — nothing leaked.' : '.'}
        </p>
      ) : null}
      {training.evaluation ? <EvaluationView evaluation={training.evaluation} /> : null}
      {training.timing && phase === 'done' ? <RunTimingView timing={training.timing} /> : null}
    </div>
  );
}
