'use client';

import Link from 'next/link';
import type { ComponentProps } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { VersionWeightsNote } from '@/components/weights/VersionWeightsNote';
import type { BackendName } from '@/engine/backends';
import type { DatasetMeta } from '@/engine/data/meta';
import type { VersionWeights } from '@/server/weights/schemas';
import { BackendMemoryNote } from './BackendMemoryNote';
import { DatasetPicker } from './DatasetPicker';
import { InputAdaptation } from './InputAdaptation';
import type { useBackendMemory } from './useBackendMemory';

export type BackendChoice = 'auto' | BackendName;

const BACKENDS: { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'Fastest, by measuring' },
  { value: 'webgpu', label: 'WebGPU (GPU, where the browser has it)' },
  { value: 'webgl', label: 'WebGL (GPU)' },
  { value: 'wasm', label: 'WebAssembly' },
  { value: 'cpu', label: 'Plain JavaScript (cpu)' },
];

export interface TrainSetupProps {
  projectId: string;
  versions: { number: number; message: string }[];
  versionNumber: number;
  onVersion(number: number): void;
  datasets: Omit<ComponentProps<typeof DatasetPicker>, 'value' | 'onChange'>;
  datasetKey: string;
  onDataset(key: string): void;
  backend: BackendChoice;
  onBackend(backend: BackendChoice): void;
  /** The backend remembered for this model in this browser, and how to forget it. */
  backendMemory: ReturnType<typeof useBackendMemory>;
  busy: boolean;
  /** What is needed to say when the design's input would be adapted, and to offer a dataset that fits it. */
  adaptation: Omit<ComponentProps<typeof InputAdaptation>, 'chosenKey' | 'onChoose'> | null;
  weightsRun: { id: string; label: string } | null;
  /** The version's own weights, which a run starts from when it continues no other run. */
  versionWeights: VersionWeights | null;
  meta: DatasetMeta | null;
  /** Changes made to the graph so it fits the dataset (input shape, output units), in words. */
  modelNotes: { text: string }[];
  /** A version or dataset that could not be loaded. */
  loadError: string | null;
  /** Why the graph cannot train on this dataset. */
  problem: string | undefined;
}

/** The first step of the Train tab: which version, on which dataset, with which browser backend. */
export function TrainSetup(props: TrainSetupProps) {
  const { projectId, meta, weightsRun } = props;
  return (
    <section className="panel train-setup" aria-label="What to train">
      <div className="train-setup__row">
        <div className="field">
          <label htmlFor="train-version">Version</label>
          <select id="train-version" value={props.versionNumber} onChange={(e) => props.onVersion(Number(e.target.value))}>
            {props.versions.map((v) => (
              <option key={v.number} value={v.number}>
                v{v.number}
                {v.message ? ` — ${v.message}` : ''}
              </option>
            ))}
          </select>
        </div>
        <DatasetPicker {...props.datasets} value={props.datasetKey} onChange={props.onDataset} />
        <div className="field">
          <label htmlFor="train-backend">Browser backend</label>
          <select id="train-backend" value={props.backend} onChange={(e) => props.onBackend(e.target.value as BackendChoice)}>
            {BACKENDS.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
          {props.backend === 'auto' ? <BackendMemoryNote memory={props.backendMemory} disabled={props.busy} /> : null}
        </div>
      </div>
      {weightsRun ? (
        <p className="note">
          Starting from the trained weights of run <Link href={`/projects/${projectId}/runs/${weightsRun.id}`}>{weightsRun.label}</Link>.{' '}
          <Link href={`/projects/${projectId}/train`}>Start from fresh weights instead</Link>
        </p>
      ) : null}
      {props.versionWeights ? <VersionWeightsNote weights={props.versionWeights} /> : null}
      <ErrorNote message={props.loadError} />
      {meta ? (
        <p className="muted small" data-testid="dataset-summary">
          {meta.name}: {meta.counts.train} training, {meta.counts.validation} validation and {meta.counts.test} test samples of shape [
          {meta.featureShape.join(', ')}]{meta.classes ? `, ${meta.classes.length} classes` : ', numeric targets'}.
        </p>
      ) : null}
      {props.adaptation ? <InputAdaptation {...props.adaptation} chosenKey={props.datasetKey} onChoose={props.onDataset} /> : null}
      {props.modelNotes.length > 0 ? (
        <ul className="notes" aria-label="Changes to fit the dataset">
          {props.modelNotes.map((n) => (
            <li key={n.text}>{n.text}</li>
          ))}
        </ul>
      ) : null}
      <ErrorNote message={props.problem} />
    </section>
  );
}
