'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useDatasetChoices } from '@/components/training/DatasetPicker';
import { runName } from '@/components/training/run-name';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { CLASSIFIER_LABELS, type ClassifierKind, type ClassifierSettings } from '@/engine/features/classifier-settings';
import type { FeatureRunOptions } from '@/server/features/feature-run-options';
import * as featureRoutes from '@/server/features/routes';

/**
 * Starts a feature-extraction run: a layer of the head version, the weights that compute it (the
 * version's own, a gallery model's, or a finished run's), a dataset and a classic classifier with
 * its main setting. The run is queued for a server worker and its page opens.
 */
export function FeatureRunForm({ projectId, teamId, options }: { projectId: string; teamId: string; options: FeatureRunOptions }) {
  const router = useRouter();
  const { choices, error: datasetError } = useDatasetChoices(teamId);
  const [layer, setLayer] = useState(options.suggestedLayer ?? '');
  const [base, setBase] = useState(options.versionHasWeights ? '' : (options.baseRuns[0]?.id ?? ''));
  const [dataset, setDataset] = useState('builtin:digits');
  const [kind, setKind] = useState<ClassifierKind>('svm');
  const [cost, setCost] = useState('1');
  const [k, setK] = useState('5');
  const [trainSamples, setTrainSamples] = useState('2000');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noWeights = !options.versionHasWeights && options.baseRuns.length === 0;

  const start = async () => {
    const choice = choices.find((c) => c.key === dataset);
    if (!choice) return setError('Pick a dataset.');
    const classifier: ClassifierSettings =
      kind === 'svm'
        ? { kind, kernel: 'rbf', cost: Number(cost) }
        : kind === 'knn'
          ? { kind, k: Number(k) }
          : { kind, steps: 100, learningRate: 1 };
    setBusy(true);
    const result = await call(featureRoutes.createFeatureRun, {
      params: { projectId },
      body: {
        versionNumber: options.versionNumber,
        nodeId: layer,
        dataset: choice.ref,
        classifier,
        batchSize: 64,
        trainSamples: Number(trainSamples),
        ...(base ? { baseRunId: base } : {}),
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push(`/projects/${projectId}/runs/${result.data.id}`);
  };

  return (
    <section className="panel" aria-label="Feature extraction">
      <h3>Feature extraction</h3>
      <p className="muted small">
        Use the network as it is: its activations at one layer become the features of a classic classifier, trained on a server worker.
      </p>
      {noWeights ? (
        <p className="note">
          Version {options.versionNumber} has no weights yet: open a gallery model, or finish a training run of this version first.
        </p>
      ) : (
        <div className="train-form">
          <div className="field">
            <label htmlFor="fx-layer">Layer</label>
            <select id="fx-layer" value={layer} onChange={(e) => setLayer(e.target.value)}>
              {options.layers.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fx-weights">Weights</label>
            <select id="fx-weights" value={base} onChange={(e) => setBase(e.target.value)}>
              {options.versionHasWeights ? <option value="">Version {options.versionNumber}'s own (pretrained)</option> : null}
              {options.baseRuns.map((r) => (
                <option key={r.id} value={r.id}>
                  Trained in {runName(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fx-dataset">Dataset</label>
            <select id="fx-dataset" value={dataset} onChange={(e) => setDataset(e.target.value)}>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fx-classifier">Classifier</label>
            <select id="fx-classifier" value={kind} onChange={(e) => setKind(e.target.value as ClassifierKind)}>
              {(Object.keys(CLASSIFIER_LABELS) as ClassifierKind[]).map((c) => (
                <option key={c} value={c}>
                  {CLASSIFIER_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          {kind === 'svm' ? (
            <div className="field">
              <label htmlFor="fx-cost">Cost (C)</label>
              <input id="fx-cost" type="number" min="0.001" step="any" value={cost} onChange={(e) => setCost(e.target.value)} />
            </div>
          ) : null}
          {kind === 'knn' ? (
            <div className="field">
              <label htmlFor="fx-k">Neighbours (k)</label>
              <input id="fx-k" type="number" min="1" max="100" value={k} onChange={(e) => setK(e.target.value)} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="fx-samples">Training samples (at most)</label>
            <input
              id="fx-samples"
              type="number"
              min="10"
              max="100000"
              value={trainSamples}
              onChange={(e) => setTrainSamples(e.target.value)}
            />
          </div>
          <button type="button" className="button primary" disabled={busy || !layer} onClick={start}>
            {busy ? 'Starting…' : 'Extract features and train'}
          </button>
        </div>
      )}
      <ErrorNote message={error ?? datasetError} />
    </section>
  );
}
