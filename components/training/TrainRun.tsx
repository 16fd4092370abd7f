'use client';

import Link from 'next/link';
import type { ComponentProps } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { BrowserRunView } from './BrowserRunView';
import { RunLive } from './RunLive';
import { SweepForm } from './SweepForm';
import type { useBrowserTraining } from './useBrowserTraining';

export interface TrainRunProps {
  projectId: string;
  canTrain: boolean;
  /** A version, a dataset and valid settings are chosen. */
  ready: boolean;
  busy: boolean;
  onTrainInBrowser(): void;
  onTrainOnServer(): void;
  sweepOpen: boolean;
  onSweepToggle(): void;
  /** What a sweep varies from; `null` while nothing is ready to sweep. */
  sweep: Omit<ComponentProps<typeof SweepForm>, 'projectId'> | null;
  serverRun: string | null;
  serverError: string | null;
  training: ReturnType<typeof useBrowserTraining>;
}

/** The run step of the Train tab: train in this browser, on a server worker, or sweep; then the run as it goes. */
export function TrainRun(props: TrainRunProps) {
  const { projectId, ready, serverRun, training } = props;
  return (
    <section className="panel train-run" aria-label="Training">
      <div className="train-actions">
        <button type="button" className="button primary" disabled={!ready || props.busy} onClick={props.onTrainInBrowser}>
          Train in browser
        </button>
        <button type="button" className="button" disabled={!ready} onClick={props.onTrainOnServer}>
          Train on server
        </button>
        <button type="button" className="button" disabled={!ready} onClick={props.onSweepToggle} aria-expanded={props.sweepOpen}>
          Sweep…
        </button>
        {!props.canTrain ? <span className="muted small">Viewers can look, not train.</span> : null}
      </div>
      {props.sweepOpen && props.sweep ? <SweepForm projectId={projectId} {...props.sweep} /> : null}
      <ErrorNote message={props.serverError} />
      {serverRun ? (
        <div className="server-run">
          <p>
            Queued on the server: <Link href={`/projects/${projectId}/runs/${serverRun}`}>open the run</Link>. It keeps going if you leave
            this page.
          </p>
          <RunLive runId={serverRun} canCancel={props.canTrain} initialStatus="queued" />
        </div>
      ) : null}
      {training.phase !== 'idle' && !serverRun ? <BrowserRunView training={training} projectId={projectId} /> : null}
    </section>
  );
}
