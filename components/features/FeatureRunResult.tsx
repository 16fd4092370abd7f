'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ConfusionMatrix } from '@/components/training/EvaluationView';
import { formatMetric } from '@/components/training/MetricsTable';
import { runKindWords, runName } from '@/components/training/run-name';
import { call } from '@/components/ui/api';
import type { ClassificationEvaluation } from '@/engine/tasks/confusion';
import { isFinal } from '@/engine/train/run-lifecycle';
import * as trainingRoutes from '@/server/training/routes';
import type { RunDetail } from '@/server/training/schemas';

const POLL_MS = 2000;

/** While the run is unfinished, asks every few seconds; at its end the page is drawn again with the result. */
function useRefreshAtEnd(run: RunDetail): void {
  const router = useRouter();
  useEffect(() => {
    if (isFinal(run.status)) return;
    const timer = setInterval(async () => {
      const result = await call(trainingRoutes.getRun, { params: { runId: run.id } });
      if (result.ok && isFinal(result.data.status)) {
        clearInterval(timer);
        router.refresh();
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [run.id, run.status, router]);
}

function classification(run: RunDetail | null): ClassificationEvaluation | null {
  const evaluation = run?.evaluation as { kind?: string } | null | undefined;
  return evaluation?.kind === 'classification' ? (evaluation as ClassificationEvaluation) : null;
}

/**
 * What a feature-extraction run came to: its classifier, layer and test accuracy, its confusion
 * matrix beside the best network run of the project on the same dataset (same test split) when
 * there is one, and the way to predict with it.
 */
export function FeatureRunResult({ run, network }: { run: RunDetail; network: RunDetail | null }) {
  useRefreshAtEnd(run);
  const own = classification(run);
  const theirs = classification(network);
  const features = (run.config.features ?? {}) as { nodeId?: string };
  const f = run.finalMetrics ?? {};
  return (
    <section className="panel" aria-label="Feature extraction result">
      <h3>{runKindWords(run)}</h3>
      <p className="muted">
        Activations of layer <code>{features.nodeId}</code>
        {f.features !== undefined ? ` (${f.features} features per sample)` : ''}
        {f.trainSamples !== undefined ? `, classifier trained on ${f.trainSamples} samples` : ''}
        {f.extractSeconds !== undefined ? ` (${f.extractSeconds} s of extraction, ${f.fitSeconds} s of fitting)` : ''}.
      </p>
      {run.status === 'completed' ? (
        <p>
          <Link className="button primary" href={`/projects/${run.projectId}/predict?run=${run.id}`}>
            Predict with this run
          </Link>
        </p>
      ) : null}
      {own ? (
        <div className="feature-compare" style={{ display: 'flex', gap: '2rem', flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <div data-testid="feature-result">
            <h4>
              This run: test accuracy <strong data-testid="feature-accuracy">{formatMetric('testAccuracy', own.accuracy)}</strong>
            </h4>
            <ConfusionMatrix evaluation={own} />
          </div>
          {theirs && network ? (
            <div data-testid="network-result">
              <h4>
                Network run <Link href={`/projects/${network.projectId}/runs/${network.id}`}>{runName(network)}</Link>: test accuracy{' '}
                <strong>{formatMetric('testAccuracy', theirs.accuracy)}</strong>
              </h4>
              <ConfusionMatrix evaluation={theirs} />
            </div>
          ) : (
            <p className="muted small">No finished network run of this project on the same dataset to compare with yet.</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
