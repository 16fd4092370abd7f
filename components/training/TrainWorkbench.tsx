'use client';

import './training.css';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { BackendName } from '@/engine/backends';
import { AugmentationConfigSchema } from '@/engine/data/augment';
import type { GraphDoc } from '@/engine/graph/schema';
import { type TrainingConfigInput, TrainingConfigSchema } from '@/engine/graph/training-config';
import { resolveSettings } from '@/engine/train/resolve-settings';
import * as trainingRoutes from '@/server/training/routes';
import * as versionRoutes from '@/server/versions/routes';
import { TrainingCharts } from './charts/TrainingCharts';
import { DatasetPicker, useDatasetChoices, useDatasetMeta } from './DatasetPicker';
import { EvaluationView } from './EvaluationView';
import { MetricsTable } from './MetricsTable';
import { ProgressBar } from './ProgressBar';
import type { BatchPoint } from './protocol';
import { RunLive } from './RunLive';
import { SchemaFields } from './SchemaFields';
import { SweepForm } from './SweepForm';
import { useBrowserTraining } from './useBrowserTraining';
import { WeightPlanNote } from './WeightPlanNote';

export interface TrainWorkbenchProps {
  project: { id: string; role: 'owner' | 'editor' | 'viewer'; teamId: string };
  versions: { number: number; message: string }[];
  head: { number: number; graph: GraphDoc } | null;
  /** `?weights=runId`: continue from that run's trained weights. */
  weightsRun: { id: string; label: string; versionNumber: number } | null;
}

const BACKENDS: { value: 'auto' | BackendName; label: string }[] = [
  { value: 'auto', label: 'Fastest, by measuring (webgl, wasm, cpu)' },
  { value: 'webgl', label: 'WebGL (GPU)' },
  { value: 'wasm', label: 'WebAssembly' },
  { value: 'cpu', label: 'Plain JavaScript (cpu)' },
];

/** A first dataset that suits the graph: images for an image input, the spiral otherwise. */
function suggestedDataset(graph: GraphDoc | null): string {
  const input = graph?.nodes.find((n) => n.type === 'input');
  const shape = (input?.params as { shape?: unknown[] } | undefined)?.shape ?? [];
  return shape.length === 3 ? 'builtin:digits' : shape.length === 2 ? 'builtin:signals' : 'builtin:spiral';
}

/**
 * The Train tab: a version and a dataset, the settings (generated from the settings schema, filled
 * from the dataset with the reasons in words), then training in this browser — live curves, progress,
 * pause/resume/stop, and at the end what the model gets right and wrong — or on a server worker, or
 * a sweep of server runs.
 */
export function TrainWorkbench({ project, versions, head, weightsRun }: TrainWorkbenchProps) {
  const canTrain = project.role !== 'viewer';
  const [versionNumber, setVersionNumber] = useState(weightsRun?.versionNumber ?? head?.number ?? 0);
  const [graph, setGraph] = useState<GraphDoc | null>(head?.graph ?? null);
  const [graphError, setGraphError] = useState<string | null>(null);
  const { choices, builtins, error: listError } = useDatasetChoices(project.teamId);
  const [datasetKey, setDatasetKey] = useState(() => suggestedDataset(head?.graph ?? null));
  const choice = choices.find((c) => c.key === datasetKey);
  const { meta, error: metaError } = useDatasetMeta(choice);
  const [overrides, setOverrides] = useState<TrainingConfigInput>({});
  const [augmentation, setAugmentation] = useState<Record<string, unknown>>({});
  const [backendChoice, setBackendChoice] = useState<'auto' | BackendName>('auto');
  const [serverRun, setServerRun] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [sweepOpen, setSweepOpen] = useState(false);
  const training = useBrowserTraining();
  const router = useRouter();
  const [saveNote, setSaveNote] = useState<string | null>(null);

  /** Keeps the changed settings in the design: a new version whose graph carries them. */
  const saveSettings = async () => {
    if (!graph || !head) return;
    const chosen = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
    const result = await call(versionRoutes.saveVersion, {
      params: { projectId: project.id },
      body: {
        parent: head.number,
        message: `Training settings: ${Object.keys(chosen).join(', ')}`,
        graph: { ...graph, training: { ...(graph.training ?? {}), ...chosen } },
      },
    });
    if (!result.ok) return setSaveNote(result.message);
    setSaveNote(`Saved in the design as version ${result.data.number}.`);
    setOverrides({});
    setVersionNumber(result.data.number);
    router.refresh();
  };

  useEffect(() => {
    if (!versionNumber || versionNumber === head?.number) {
      setGraph(head?.graph ?? null);
      return;
    }
    let live = true;
    void call(versionRoutes.getVersion, { params: { projectId: project.id, number: versionNumber } }).then((r) => {
      if (!live) return;
      if (r.ok) setGraph(r.data.graph);
      else setGraphError(r.message);
    });
    return () => {
      live = false;
    };
  }, [versionNumber, head, project.id]);

  const resolved = useMemo(() => {
    if (!graph || !meta) return null;
    try {
      return resolveSettings(
        graph,
        {
          name: meta.name,
          task: meta.task,
          featureShape: meta.featureShape,
          labelSize: meta.labelSize,
          ...(meta.classes ? { classes: meta.classes } : {}),
        },
        overrides,
      );
    } catch (error) {
      return { problem: (error as Error).message, config: null, notes: [] as { field: string; text: string }[], doc: graph };
    }
  }, [graph, meta, overrides]);
  const notes = Object.fromEntries((resolved?.notes ?? []).filter((n) => n.field !== 'model').map((n) => [n.field, n.text]));
  const modelNotes = (resolved?.notes ?? []).filter((n) => n.field === 'model');
  const augmentationOn = Object.values(augmentation).some((v) => v === true || (typeof v === 'number' && v > 0));
  const images = meta?.kind === 'image';
  const settingsBody = resolved?.config
    ? { training: resolved.config, ...(images && augmentationOn ? { augmentation: AugmentationConfigSchema.parse(augmentation) } : {}) }
    : null;
  const ready = Boolean(canTrain && graph && choice && resolved?.config && !resolved.problem);
  const busy = training.phase === 'measuring' || training.phase === 'training' || training.phase === 'saving';

  const trainInBrowser = () => {
    if (!graph || !choice || !resolved?.config) return;
    setServerRun(null);
    training.start({
      projectId: project.id,
      versionNumber,
      graph,
      dataset: choice.ref,
      overrides: resolved.config,
      augmentation: settingsBody?.augmentation ?? null,
      initialRunId: weightsRun?.id ?? null,
      backends: backendChoice === 'auto' ? ['webgl', 'wasm', 'cpu'] : [backendChoice],
    });
  };
  const trainOnServer = async () => {
    if (!choice || !settingsBody) return;
    setServerError(null);
    const created = await call(trainingRoutes.createRun, {
      params: { projectId: project.id },
      body: {
        versionNumber,
        dataset: choice.ref,
        place: 'server',
        settings: settingsBody,
        ...(weightsRun ? { initialRunId: weightsRun.id } : {}),
      },
    });
    if (!created.ok) return setServerError(created.message);
    setServerRun(created.data.id);
  };

  if (!head) {
    return (
      <div className="train-page">
        <p className="empty">
          Save a version of the design first: training runs a saved version. <Link href={`/projects/${project.id}`}>Go to Design</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="train-page" data-hydrated="true">
      <section className="panel train-setup" aria-label="What to train">
        <div className="train-setup__row">
          <div className="field">
            <label htmlFor="train-version">Version</label>
            <select id="train-version" value={versionNumber} onChange={(e) => setVersionNumber(Number(e.target.value))}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  v{v.number}
                  {v.message ? ` — ${v.message}` : ''}
                </option>
              ))}
            </select>
          </div>
          <DatasetPicker choices={choices} builtins={builtins} value={datasetKey} onChange={setDatasetKey} />
          <div className="field">
            <label htmlFor="train-backend">Browser backend</label>
            <select id="train-backend" value={backendChoice} onChange={(e) => setBackendChoice(e.target.value as 'auto' | BackendName)}>
              {BACKENDS.map((b) => (
                <option key={b.value} value={b.value}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        {weightsRun ? (
          <p className="note">
            Starting from the trained weights of run <Link href={`/projects/${project.id}/runs/${weightsRun.id}`}>{weightsRun.label}</Link>.{' '}
            <Link href={`/projects/${project.id}/train`}>Start from fresh weights instead</Link>
          </p>
        ) : null}
        <ErrorNote message={graphError ?? listError ?? metaError} />
        {meta ? (
          <p className="muted small" data-testid="dataset-summary">
            {meta.name}: {meta.counts.train} training, {meta.counts.validation} validation and {meta.counts.test} test samples of shape [
            {meta.featureShape.join(', ')}]{meta.classes ? `, ${meta.classes.length} classes` : ', numeric targets'}.
          </p>
        ) : null}
        {modelNotes.length > 0 ? (
          <ul className="notes" aria-label="Changes to fit the dataset">
            {modelNotes.map((n) => (
              <li key={n.text}>{n.text}</li>
            ))}
          </ul>
        ) : null}
        <ErrorNote message={resolved?.problem} />
      </section>

      <div className="train-columns">
        <section className="panel train-settings" aria-label="Training settings">
          <h2>Settings</h2>
          {resolved?.config ? (
            <SchemaFields
              idPrefix="setting"
              schema={TrainingConfigSchema}
              value={resolved.config as unknown as Record<string, unknown>}
              notes={notes}
              disabled={busy}
              onChange={(key, value) => setOverrides((o) => ({ ...o, [key]: value }))}
            />
          ) : (
            <p className="muted">Pick a dataset to see the settings chosen for it.</p>
          )}
          {images ? (
            <details className="augmentation">
              <summary>Augmentation of training images {augmentationOn ? '(on)' : '(off)'}</summary>
              <SchemaFields
                idPrefix="augment"
                schema={AugmentationConfigSchema}
                value={AugmentationConfigSchema.parse(augmentation) as unknown as Record<string, unknown>}
                disabled={busy}
                onChange={(key, value) => setAugmentation((a) => ({ ...a, [key]: value }))}
              />
            </details>
          ) : null}
          {Object.keys(overrides).length > 0 ? (
            <div className="train-actions">
              <button type="button" className="button small" onClick={() => setOverrides({})} disabled={busy}>
                Back to the defaults
              </button>
              {canTrain && versionNumber === head.number ? (
                <button type="button" className="button small" onClick={saveSettings} disabled={busy}>
                  Save these settings in the design
                </button>
              ) : null}
            </div>
          ) : null}
          {saveNote ? (
            <p className="muted small" role="status">
              {saveNote}
            </p>
          ) : null}
        </section>

        <section className="panel train-run" aria-label="Training">
          <div className="train-actions">
            <button type="button" className="button primary" disabled={!ready || busy} onClick={trainInBrowser}>
              Train in browser
            </button>
            <button type="button" className="button" disabled={!ready} onClick={trainOnServer}>
              Train on server
            </button>
            <button type="button" className="button" disabled={!ready} onClick={() => setSweepOpen((o) => !o)} aria-expanded={sweepOpen}>
              Sweep…
            </button>
            {!canTrain ? <span className="muted small">Viewers can look, not train.</span> : null}
          </div>
          {sweepOpen && graph && choice && settingsBody ? (
            <SweepForm projectId={project.id} versionNumber={versionNumber} graph={graph} dataset={choice.ref} settings={settingsBody} />
          ) : null}
          <ErrorNote message={serverError} />
          {serverRun ? (
            <div className="server-run">
              <p>
                Queued on the server: <Link href={`/projects/${project.id}/runs/${serverRun}`}>open the run</Link>. It keeps going if you
                leave this page.
              </p>
              <RunLive runId={serverRun} canCancel={canTrain} initialStatus="queued" />
            </div>
          ) : null}
          {training.phase !== 'idle' && !serverRun ? <BrowserRunView training={training} projectId={project.id} /> : null}
        </section>
      </div>
    </div>
  );
}

/**
 * Sustained training speed: samples per second over the recent batches, leaving out the first two
 * (shader compilation, first data fetch), from the worker's own clock.
 */
export function paceOf(batches: BatchPoint[], batchSize: number, window = 200): number | null {
  const recent = batches.slice(Math.max(2, batches.length - window));
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (!first || !last || last.at <= first.at) return null;
  return ((last.step - first.step) * batchSize * 1000) / (last.at - first.at);
}

function BrowserRunView({ training, projectId }: { training: ReturnType<typeof useBrowserTraining>; projectId: string }) {
  const { state, phase } = training;
  const pace = training.config ? paceOf(training.batches, training.config.batchSize) : null;
  const active = state.status === 'running' || state.status === 'paused';
  return (
    <div className="browser-run" data-phase={phase} data-status={state.status}>
      <p className="backend-line" data-testid="backend">
        {phase === 'measuring' ? `Measuring ${training.candidates.join(', ')} on this model…` : null}
        {training.backend ? (
          <>
            Training on <strong>{training.backend}</strong>
            {training.figures.length > 1 ? (
              <span className="muted small">
                {' '}
                (measured:{' '}
                {training.figures
                  .map((f) =>
                    f.error ? `${f.backend} unavailable` : `${f.backend} ${Math.round(f.samplesPerSecond).toLocaleString('en')} samples/s`,
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
      {phase === 'saving' ? <p className="muted">Saving the result and the trained weights…</p> : null}
      {training.finalMetrics && phase === 'done' ? <MetricsTable metrics={training.finalMetrics} testId="final-metrics" /> : null}
      {training.tensors && phase === 'done' ? (
        <p className="muted small" data-testid="tensor-check" data-leaked={training.tensors.after - training.tensors.baseline}>
          Tensors in memory: {training.tensors.baseline} before the run, {training.tensors.after} after it
          {training.tensors.after === training.tensors.baseline ? ' — nothing leaked.' : '.'}
        </p>
      ) : null}
      {training.evaluation ? <EvaluationView evaluation={training.evaluation} /> : null}
    </div>
  );
}
