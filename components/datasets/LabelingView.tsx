'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as datasetRoutes from '@/server/datasets/routes';
import { AddClassForm } from './AddClassForm';
import { sampleImageUrl } from './dataset-endpoints';
import { actionForKey, classKeys, labelingStep, startLabeling } from './labeling-state';
import { loadAllSamples, useLabellerKeys } from './labeller-hooks';
import { ProposalRunField } from './ProposalRunField';
import { type Proposal, prelabel } from './prelabel';

/** Most unlabelled samples loaded into one labelling session. */
const MAX_QUEUE = 20_000;

/**
 * Keyboard-driven labelling: one unlabelled image large; each class's key (its own name for classes
 * named 0–9 or a single letter, else 1–9, 0, a, b… in order; shown on its button) gives it and moves on, arrows move, Backspace or Ctrl+Z undo. Saving makes a new version. A trained run's
 * model can propose classes to review and accept.
 */
export function LabelingView({
  datasetId,
  number,
  classes,
  runs,
}: {
  datasetId: string;
  number: number;
  classes: string[];
  /** Finished runs on this dataset whose models can propose classes. */
  runs: { id: string; title: string }[];
}) {
  const router = useRouter();
  const version = `${datasetId}@${number}`;
  const [state, dispatch] = useReducer(labelingStep, startLabeling([]));
  const keys = useMemo(() => classKeys(classes), [classes]);
  // The version whose unlabelled images are in the queue: after a class is added the page moves to a
  // new version, and keys pressed before its queue arrives would be wiped by the load.
  const [loadedVersion, setLoadedVersion] = useState<string | null>(null);
  const loaded = loadedVersion === version;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [runId, setRunId] = useState(runs[0]?.id ?? '');
  const [proposals, setProposals] = useState<Map<number, Proposal> | null>(null);
  const [prelabelProgress, setPrelabelProgress] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadAllSamples(datasetId, number, 'unlabelled', MAX_QUEUE).then((loadedSamples) => {
      if (!live) return;
      if (!loadedSamples.ok) return setError(loadedSamples.message);
      dispatch({ type: 'load', queue: loadedSamples.samples.map((s) => s.index) });
      setLoadedVersion(`${datasetId}@${number}`);
    });
    return () => {
      live = false;
    };
  }, [datasetId, number]);

  const current = state.queue[state.position];
  const done = Object.keys(state.assigned).length;

  useLabellerKeys(
    loaded,
    (event) => {
      // Enter takes the model's proposal for the image shown.
      const proposal = event.key === 'Enter' && current !== undefined ? proposals?.get(state.position) : undefined;
      if (proposal) return { type: 'assign', cls: proposal.cls } as const;
      return event.key === 'Enter' ? null : actionForKey(event, keys);
    },
    dispatch,
  );

  async function save() {
    setSaving(true);
    const labels = Object.entries(state.assigned).map(([index, label]) => ({ index: Number(index), label }));
    const result = await call(datasetRoutes.createDatasetVersion, {
      params: { datasetId },
      body: { parent: number, labels, message: `Labelled ${labels.length} image${labels.length === 1 ? '' : 's'}` },
    });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    router.push(`/datasets/${datasetId}?version=${result.data.number}`);
    router.refresh();
  }

  async function runPrelabel() {
    setError(null);
    setPrelabelProgress('Loading the model…');
    try {
      const found = await prelabel(runId.trim(), { datasetId, number }, state.queue.length, (n) =>
        setPrelabelProgress(`Predicted ${n} of ${state.queue.length}`),
      );
      setProposals(found);
      setPrelabelProgress(null);
    } catch (e) {
      setPrelabelProgress(null);
      setError(`Pre-labelling failed: ${(e as Error).message}`);
    }
  }

  function acceptAll() {
    if (!proposals) return;
    const labels: Record<number, number> = {};
    proposals.forEach((p, position) => {
      const index = state.queue[position];
      if (index !== undefined && state.assigned[index] === undefined) labels[index] = p.cls;
    });
    dispatch({ type: 'assignMany', labels });
  }

  if (!loaded) return <p className="muted">Loading the unlabelled images…</p>;
  if (state.queue.length === 0) return <p className="alert ok">Every image of this version has a class.</p>;
  const proposal = proposals?.get(state.position);
  const given = current === undefined ? undefined : state.assigned[current];

  return (
    <div className="stack" data-hydrated="true">
      <ErrorNote message={error} />
      <div className="panel">
        <progress className="ds-progress" aria-label="Labelling progress" max={state.queue.length} value={done} />
        <p className="small muted" aria-live="polite">
          {done} of {state.queue.length} labelled · image {state.position + 1} of {state.queue.length}
        </p>
      </div>
      <div className="ds-label-stage">
        <section className="panel" aria-label="Image to label">
          {current !== undefined ? (
            // biome-ignore lint/performance/noImgElement: a raw dataset sample from our API, drawn pixelated
            <img src={sampleImageUrl(datasetId, number, current)} alt={`Unlabelled sample ${current}`} data-testid="labelling-image" />
          ) : null}
          <p aria-live="polite" data-testid="current-label">
            {given === undefined ? 'No class yet' : `Class: ${classes[given]}`}
          </p>
          {proposal ? (
            <p className="small">
              Proposed: <strong>{classes[proposal.cls]}</strong> ({Math.round(proposal.confidence * 100)} %) — Enter accepts
            </p>
          ) : null}
        </section>
        <section className="panel stack" aria-label="Classes">
          <div className="ds-keys">
            {classes.map((c, i) => (
              <button key={c} type="button" aria-pressed={given === i} onClick={() => dispatch({ type: 'assign', cls: i })}>
                {keys[i] ? <span className="kbd">{keys[i]}</span> : null} {c}
              </button>
            ))}
          </div>
          <p className="small muted">
            Keys: <span className="kbd">1</span>–<span className="kbd">9</span>, <span className="kbd">0</span> (then letters) give a class;{' '}
            <span className="kbd">←</span> <span className="kbd">→</span> move; <span className="kbd">Backspace</span> or{' '}
            <span className="kbd">Ctrl+Z</span> undo.
          </p>
          <div className="row">
            <button type="button" onClick={() => dispatch({ type: 'previous' })}>
              ← Previous
            </button>
            <button type="button" onClick={() => dispatch({ type: 'next' })}>
              Next →
            </button>
            <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={state.history.length === 0}>
              Undo
            </button>
            <span className="spacer" />
            <button type="button" className="primary" onClick={() => void save()} disabled={saving || done === 0}>
              Save {done} label{done === 1 ? '' : 's'} as a new version
            </button>
          </div>
          <AddClassForm
            datasetId={datasetId}
            parent={number}
            pendingLabels={Object.entries(state.assigned).map(([index, label]) => ({ index: Number(index), label }))}
          />
          <details>
            <summary>Pre-label with a trained model</summary>
            <div className="row" style={{ marginTop: '0.5rem' }}>
              <ProposalRunField runs={runs} runId={runId} onRunId={setRunId} placeholder="a finished run on this data" />
              <button type="button" onClick={() => void runPrelabel()} disabled={!runId.trim() || prelabelProgress !== null}>
                Propose classes
              </button>
              {proposals ? (
                <button type="button" onClick={acceptAll}>
                  Accept all proposals
                </button>
              ) : null}
            </div>
            {prelabelProgress ? <p className="small muted">{prelabelProgress}</p> : null}
          </details>
        </section>
      </div>
    </div>
  );
}
