'use client';

import { useEffect, useState } from 'react';
import { OutputPicture } from '@/components/inside/OutputPicture';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { ImageFileButton } from '@/components/ui/ImageFileButton';
import type { GraphTensorInfo } from '@/engine/graph-model/graph-model-file';
import { imageInputSize, PIXEL_SCALINGS, type Picture, type PixelScaling, shapeText } from '@/engine/graph-model/graph-model-input';
import { parseLabels } from '@/engine/graph-model/graph-model-output';
import { GraphOutputView } from './GraphOutputView';
import type { GraphModelInput } from './graph-model-protocol';
import { readPicture } from './read-picture';
import type { GraphModelState } from './useGraphModelWorker';

/**
 * The prediction: a picture (fitted to the model's input like a dataset's images, scaled to the
 * chosen range) or typed numbers for other inputs; optional class names; and the outputs.
 */
export function GraphPredictPanel({
  input,
  state,
  onPredict,
}: {
  input: GraphTensorInfo;
  state: GraphModelState;
  onPredict(input: GraphModelInput): void;
}) {
  const takesPictures = imageInputSize(input) !== null;
  const [picture, setPicture] = useState<{ picture: Picture; name: string; url: string } | null>(null);
  const [scaling, setScaling] = useState<PixelScaling>('unit');
  const [numbers, setNumbers] = useState('');
  const [labels, setLabels] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const classes = labels.trim() ? parseLabels(labels) : null;

  useEffect(() => () => (picture ? URL.revokeObjectURL(picture.url) : undefined), [picture]);

  async function choose(file: File) {
    try {
      const read = await readPicture(file);
      setProblem(null);
      setPicture({ picture: read, name: file.name, url: URL.createObjectURL(file) });
      onPredict({ kind: 'picture', picture: read, scaling });
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  function predictNumbers() {
    const values = numbers
      .split(/[\s,;]+/)
      .filter((t) => t.length > 0)
      .map(Number);
    if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return setProblem('Type numbers separated by commas or spaces.');
    setProblem(null);
    onPredict({ kind: 'values', values });
  }

  return (
    <section className="panel stack" aria-label="Predict">
      <h2>Predict</h2>
      {takesPictures ? (
        <div className="row graph-predict__controls">
          <ImageFileButton primary label="Image to predict on" onFile={(file) => void choose(file)}>
            Choose an image…
          </ImageFileButton>
          <label className="graph-inline">
            Pixel values
            <select
              aria-label="Pixel values"
              value={scaling}
              onChange={(e) => {
                const next = e.currentTarget.value as PixelScaling;
                setScaling(next);
                if (picture) onPredict({ kind: 'picture', picture: picture.picture, scaling: next });
              }}
            >
              {Object.entries(PIXEL_SCALINGS).map(([id, s]) => (
                <option key={id} value={id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <span className="small muted graph-predict__note">
            Fitted to {shapeText(input.shape)}. Choose the range the model was trained on (its source says so); NetCanvas's own models take
            0 to 1.
          </span>
        </div>
      ) : (
        <div className="stack">
          <label>
            Numbers for {input.name} {shapeText(input.shape)}
            <textarea rows={3} value={numbers} onChange={(e) => setNumbers(e.currentTarget.value)} placeholder="0.5, 1.2, -3 …" />
          </label>
          <div>
            <button type="button" className="primary" onClick={predictNumbers}>
              Predict
            </button>
          </div>
        </div>
      )}
      <details>
        <summary className="small">Class names (optional)</summary>
        <div className="stack">
          <label>
            One name a line, in the order of the output
            <textarea rows={4} value={labels} onChange={(e) => setLabels(e.currentTarget.value)} aria-label="Class names" />
          </label>
          <label className="small">
            Or a labels file (.txt or .json)
            <input
              type="file"
              accept=".txt,.json,.csv,text/plain,application/json"
              aria-label="Labels file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void file.text().then(setLabels);
              }}
            />
          </label>
        </div>
      </details>
      <ErrorNote message={problem ?? state.predictError?.message} />
      {state.predictError?.hint ? <p className="small muted">{state.predictError.hint}</p> : null}
      {state.predicting ? <p className="muted">Predicting…</p> : null}
      {state.prediction ? (
        <div className="graph-result" data-testid="graph-prediction">
          {picture && state.prediction.input.layer === 'picture' ? (
            <figure className="graph-output graph-output--input">
              <figcaption className="small muted">
                {picture.name}, as the model sees it ({Math.round(state.prediction.ms)} ms)
              </figcaption>
              <OutputPicture output={state.prediction.input} label="The input" size={128} />
            </figure>
          ) : (
            <p className="small muted">Predicted in {Math.round(state.prediction.ms)} ms.</p>
          )}
          {state.prediction.outputs.map((o) => (
            <GraphOutputView key={o.layer} output={o} classes={classes} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
