'use client';

import Link from 'next/link';
import { formatBytes, formatCount } from './format';
import { ImportReportPanel } from './ImportReportPanel';
import { type ImportState, importProgress } from './import-lifecycle';

const KINDS: Record<string, string> = {
  'tfjs-layers': 'TF.js layers model',
  'keras-json': 'Keras model',
  'keras-h5': 'Keras HDF5 model',
  'keras-archive': 'Keras 3 model',
  'netcanvas-graph': 'NetCanvas graph',
  onnx: 'ONNX model',
  caffe: 'Caffe net',
};

const STEPS = { parse: 'Reading the model', weights: 'Checking the weights', layout: 'Laying it out' } as const;

/**
 * Progress and result of importing dropped model files, over the canvas. A TF.js graph model is
 * not refused outright: it is a frozen graph, and the message offers the page that opens it.
 */
export function ImportStatus({ state, onDismiss, onOpenGraphModel }: { state: ImportState; onDismiss(): void; onOpenGraphModel?(): void }) {
  if (state.phase === 'idle') return null;
  if (state.phase === 'reading' || state.phase === 'building') {
    const progress = importProgress(state);
    return (
      <div className="import-status" role="status" aria-label="Import progress">
        <strong>{state.phase === 'reading' ? `Reading ${state.fileName}…` : `${STEPS[state.step]}…`}</strong>
        {state.phase === 'reading' ? (
          <>
            <progress value={progress ?? 0} max={1} aria-label="Bytes read" />
            <span className="muted small">
              {formatBytes(state.bytesDone)} of {formatBytes(state.bytesTotal)} · file {Math.min(state.filesDone + 1, state.filesTotal)} of{' '}
              {state.filesTotal}
            </span>
          </>
        ) : (
          <progress aria-label="Working" />
        )}
      </div>
    );
  }
  if (state.phase === 'failed' && state.kind === 'tfjs-graph') {
    return (
      <div className="import-status import-status--graph" role="alert" aria-label="Graph model">
        <strong>This is a TF.js graph model: a frozen graph, for prediction only.</strong>
        <span className="small">
          It holds operations, not layers, so it cannot be edited or fine-tuned as a diagram. It opens for prediction and for a look at its
          activations, in this browser.
        </span>
        <span className="small muted">
          To edit or train it, convert the original Keras model with <code>--output_format tfjs_layers_model</code> and import that.
        </span>
        <div className="row">
          <Link className="button primary" href="/models/open" onClick={() => onOpenGraphModel?.()}>
            Open it for prediction
          </Link>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      </div>
    );
  }
  if (state.phase === 'failed') {
    return (
      <div className="import-status import-status--failed" role="alert" aria-label="Import failed">
        <strong>Could not import: {state.message}</strong>
        {state.diagnostics.slice(1, 4).map((d) => (
          <span key={`${d.code}-${d.nodeId ?? ''}-${d.message}`} className="small">
            {d.message}
          </span>
        ))}
        {state.diagnostics[0]?.hint ? <span className="small muted">{state.diagnostics[0].hint}</span> : null}
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  const { outcome, diagnostics } = state;
  const notes = diagnostics.filter((d) => d.severity !== 'info' || d.code !== 'import_placeholder');
  return (
    <div className="import-status import-status--done" role="status" aria-label="Import finished">
      <strong>
        Imported {outcome.fileName}: {KINDS[outcome.kind] ?? 'model'} with {formatCount(outcome.layers)} layers
      </strong>
      <span className="small">
        {outcome.weights === null
          ? 'No weight files were dropped with it: the architecture is on the canvas.'
          : outcome.kind === 'onnx' || outcome.kind === 'caffe'
            ? `${formatCount(outcome.weights)} weight values read; an ONNX export of this design carries them.`
            : `Its weight files match: ${formatCount(outcome.weights)} values read and checked. The canvas holds the architecture.`}
        {outcome.placeholders > 0 ? ` ${outcome.placeholders} layer(s) kept as placeholders: NetCanvas cannot build them.` : ''}
      </span>
      {outcome.report ? <ImportReportPanel report={outcome.report} /> : null}
      {notes.slice(0, 3).map((d) => (
        <span key={`${d.code}-${d.nodeId ?? ''}-${d.message}`} className={`small ${d.severity === 'error' ? 'del' : 'muted'}`}>
          {d.message}
        </span>
      ))}
      <span className="small muted">Undo puts your previous diagram back.</span>
      <button type="button" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
