'use client';

import Link from 'next/link';
import type { UploadFormat } from './DetailsStep';
import { type UploadState, uploadProgress } from './upload-lifecycle';

/** Where the upload is: packing and sending progress, then what was stored (and skipped), or why it failed. */
export function UploadOutcome({ state, format }: { state: UploadState; format: UploadFormat }) {
  const progress = uploadProgress(state);
  return (
    <>
      {progress !== null ? (
        <div className="panel" aria-live="polite">
          <progress className="ds-progress" aria-label="Upload progress" max={1} value={progress} />
          <p className="small muted">
            {state.phase === 'packing'
              ? `Packing the folder: ${state.done} of ${state.total} files`
              : state.phase === 'uploading'
                ? `Uploading: ${(state.sent / 1e6).toFixed(1)} of ${(state.total / 1e6).toFixed(1)} MB`
                : 'Reading and storing the samples…'}
          </p>
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <div className="alert error" role="alert">
          <p>{state.message}</p>
          {state.problems.length > 0 ? (
            <ul>
              {state.problems.slice(0, 50).map((p) => (
                <li key={`${p.name}:${p.reason}`}>
                  <code>{p.name}</code>: {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.phase === 'done' ? (
        <div className="alert ok" role="status">
          <p>
            Stored {state.report.kept.toLocaleString('en')} of {state.report.read.toLocaleString('en')}{' '}
            {format === 'zip' ? 'files' : 'rows'}. <Link href={`/datasets/${state.datasetId}`}>Open the dataset</Link>
          </p>
          {state.report.notes.map((n) => (
            <p key={n} className="small">
              {n}
            </p>
          ))}
          {state.report.skipped.length > 0 ? (
            <ul className="small">
              {state.report.skipped.map((s) => (
                <li key={s.name}>
                  <code>{s.name}</code>: {s.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
