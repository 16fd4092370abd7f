'use client';

import './training.css';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { PresentBar } from '@/components/live/PresentBar';
import { PresenterTraining } from '@/components/live/PresenterTraining';
import { useLiveRoom } from '@/components/live/useLiveRoom';
import { useShareTraining } from '@/components/live/useShareTraining';
import { call } from '@/components/ui/api';
import { useVersionWeights } from '@/components/weights/useVersionWeights';
import { useEditorDoc, useProjectEditorStore } from '@/components/workspace/ProjectEditor';
import { BACKEND_NAMES } from '@/engine/backends';
import { AugmentationConfigSchema } from '@/engine/data/augment';
import { emptyGraph, type GraphDoc } from '@/engine/graph/schema';
import type { TrainingConfigInput } from '@/engine/graph/training-config';
import { modelSignature } from '@/engine/train/model-signature';
import type { TrainingShare } from '@/live/training-share';
import * as trainingRoutes from '@/server/training/routes';
import * as versionRoutes from '@/server/versions/routes';
import { useDatasetChoices, useDatasetMeta } from './DatasetPicker';
import { keepSettings, withEditorSettings } from './keep-settings';
import { TrainRun } from './TrainRun';
import { TrainSettings } from './TrainSettings';
import { type BackendChoice, TrainSetup } from './TrainSetup';
import { useBackendMemory } from './useBackendMemory';
import { useBrowserTraining } from './useBrowserTraining';
import { useDatasetRanking } from './useDatasetRanking';
import { useResolvedSettings } from './useResolvedSettings';
import { useRunEvents } from './useRunEvents';

/** A server run's status in the words of a shared run. */
function serverPhase(status: string): TrainingShare['phase'] {
  if (status === 'queued') return 'queued';
  if (status === 'completed') return 'done';
  if (status === 'failed' || status === 'cancelled') return 'error';
  return 'training';
}

export interface TrainWorkbenchProps {
  project: { id: string; role: 'owner' | 'editor' | 'viewer'; teamId: string };
  versions: { number: number; message: string }[];
  head: { number: number; graph: GraphDoc } | null;
  /** `?weights=runId`: continue from that run's trained weights. */
  weightsRun: { id: string; label: string; versionNumber: number } | null;
  /** The signed-in person, as the live room shows them. */
  me?: { name: string };
  /** Whether this server serves live rooms: the Train tab stays in the project's room. */
  live?: boolean;
}

/**
 * The Train tab: a version and a dataset (`TrainSetup`), the settings (`TrainSettings`: generated from
 * the settings schema, filled from the dataset with the reasons in words), then training in this
 * browser, on a server worker, or a sweep of server runs (`TrainRun`), with the results as they come.
 * Settings kept "in the design" are an edit of the project's editor document, shared with the
 * Design tab: undoable there and saved with the next version.
 */
export function TrainWorkbench({ project, versions, head, weightsRun, me, live: liveRooms = false }: TrainWorkbenchProps) {
  const canTrain = project.role !== 'viewer';
  const { store, base } = useProjectEditorStore(() => head?.graph ?? emptyGraph(), head?.number ?? null);
  const editorDoc = useEditorDoc(store);
  const [versionNumber, setVersionNumber] = useState(weightsRun?.versionNumber ?? head?.number ?? 0);
  const [versionGraph, setVersionGraph] = useState<GraphDoc | null>(head?.graph ?? null);
  const [graphError, setGraphError] = useState<string | null>(null);
  const { choices, builtins, error: listError } = useDatasetChoices(project.teamId);
  const ranked = useDatasetRanking(versionGraph, choices, builtins);
  const [pickedKey, setDatasetKey] = useState<string | null>(null);
  const datasetKey = pickedKey ?? ranked[0]?.key ?? '';
  const choice = choices.find((c) => c.key === datasetKey);
  const { meta, error: metaError } = useDatasetMeta(choice);
  const [overrides, setOverrides] = useState<TrainingConfigInput>({});
  const [augmentation, setAugmentation] = useState<Record<string, unknown>>({});
  const [backend, setBackend] = useState<BackendChoice>('auto');
  const [serverRun, setServerRun] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [sweepOpen, setSweepOpen] = useState(false);
  const [keepNote, setKeepNote] = useState<string | null>(null);
  const training = useBrowserTraining();
  // In the project's live room here too: a presenter's runs are watched by the room as they train.
  const live = useLiveRoom(store, {
    enabled: liveRooms,
    projectId: project.id,
    readOnly: !canTrain,
    name: me?.name ?? 'Someone',
    basedOn: () => base.current,
  });
  // Without a run to continue from, a run starts from the version's own weights when it has them.
  const { weights: versionWeights } = useVersionWeights(project.id, versionNumber || null);
  const startWeights = weightsRun ? null : (versionWeights ?? null);

  useEffect(() => {
    if (!versionNumber || versionNumber === head?.number) {
      setVersionGraph(head?.graph ?? null);
      return;
    }
    let live = true;
    void call(versionRoutes.getVersion, { params: { projectId: project.id, number: versionNumber } }).then((r) => {
      if (!live) return;
      if (r.ok) setVersionGraph(r.data.graph);
      else setGraphError(r.message);
    });
    return () => {
      live = false;
    };
  }, [versionNumber, head, project.id]);

  // On the newest version, when the editor holds it, the editor's training settings apply (kept ones
  // included, saved or not), and settings can be kept in it.
  const onHead = head !== null && versionNumber === head.number && base.current === head.number;
  const graph = useMemo(
    () => (versionGraph && onHead ? withEditorSettings(versionGraph, editorDoc) : versionGraph),
    [versionGraph, onHead, editorDoc],
  );
  const resolved = useResolvedSettings(graph, meta, overrides);
  const notes = Object.fromEntries((resolved?.notes ?? []).filter((n) => n.field !== 'model').map((n) => [n.field, n.text]));
  const augmentationOn = Object.values(augmentation).some((v) => v === true || (typeof v === 'number' && v > 0));
  const images = meta?.kind === 'image';
  const settingsBody = resolved?.config
    ? { training: resolved.config, ...(images && augmentationOn ? { augmentation: AugmentationConfigSchema.parse(augmentation) } : {}) }
    : null;
  const signature = useMemo(() => (resolved?.config ? modelSignature(resolved.doc, resolved.config.batchSize) : null), [resolved]);
  const backendMemory = useBackendMemory(signature, training);
  const ready = Boolean(canTrain && graph && choice && resolved?.config && !resolved.problem);
  const busy = training.phase === 'measuring' || training.phase === 'training' || training.phase === 'saving';
  // A presenter's run, in this browser or on a server worker, goes to the room as it trains.
  const serverEvents = useRunEvents(live.presenting ? serverRun : null);
  const runLabel = `${graph?.name ?? 'Design'} v${versionNumber} on ${choice?.label ?? 'its dataset'}`;
  useShareTraining(
    live,
    serverRun
      ? {
          label: runLabel,
          phase: serverPhase(serverEvents.status),
          totalEpochs: settingsBody?.training.epochs ?? 0,
          epochs: serverEvents.epochs,
          batches: serverEvents.batches,
          revision: serverEvents.revision,
        }
      : training.phase === 'idle'
        ? null
        : {
            label: runLabel,
            phase: training.phase,
            totalEpochs: training.config?.epochs ?? 0,
            epochs: training.epochs,
            batches: training.batches,
            revision: training.revision,
          },
  );

  const keep = () => {
    const result = keepSettings(store, overrides);
    if (!result.ok) return setKeepNote(result.reason);
    setOverrides({});
    setKeepNote('Kept in the design as an unsaved change: save a version to keep it for good, or undo it on the Design tab.');
  };
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
      versionWeights: startWeights !== null,
      backends: backend !== 'auto' ? [backend] : backendMemory.remembered ? [backendMemory.remembered.backend] : [...BACKEND_NAMES],
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
      {liveRooms ? (
        <div className="train-page__live">
          <PresentBar live={live} canPresent={canTrain} projectId={project.id} />
          <PresenterTraining live={live} />
        </div>
      ) : null}
      <TrainSetup
        projectId={project.id}
        versions={versions}
        versionNumber={versionNumber}
        onVersion={setVersionNumber}
        datasets={{ choices, builtins }}
        datasetKey={datasetKey}
        onDataset={setDatasetKey}
        backend={backend}
        onBackend={setBackend}
        backendMemory={backendMemory}
        busy={busy}
        adaptation={graph ? { graph, ranked, choices } : null}
        weightsRun={weightsRun}
        versionWeights={startWeights}
        meta={meta}
        modelNotes={(resolved?.notes ?? []).filter((n) => n.field === 'model')}
        loadError={graphError ?? listError ?? metaError}
        problem={resolved?.problem}
      />
      <div className="train-columns">
        <TrainSettings
          config={resolved?.config ?? null}
          notes={notes}
          busy={busy}
          onChange={(key, value) => setOverrides((o) => ({ ...o, [key]: value }))}
          changed={Object.keys(overrides).length > 0}
          onReset={() => setOverrides({})}
          canKeep={canTrain && onHead}
          onKeep={keep}
          keepNote={keepNote}
          images={images}
          augmentation={augmentation}
          augmentationOn={augmentationOn}
          onAugmentation={(key, value) => setAugmentation((a) => ({ ...a, [key]: value }))}
        />
        <TrainRun
          projectId={project.id}
          canTrain={canTrain}
          ready={ready}
          busy={busy}
          onTrainInBrowser={trainInBrowser}
          onTrainOnServer={() => void trainOnServer()}
          sweepOpen={sweepOpen}
          onSweepToggle={() => setSweepOpen((o) => !o)}
          sweep={graph && choice && settingsBody ? { versionNumber, graph, dataset: choice.ref, settings: settingsBody } : null}
          serverRun={serverRun}
          serverError={serverError}
          training={training}
        />
      </div>
    </div>
  );
}
