'use client';

import type { ExportProof } from '@/engine/export/proof/proof';
import './dialogs.css';
import { Dialog } from './Dialog';
import { download, type ExportResult } from './export-files';
import type { useCheckedExport } from './useCheckedExport';

/** Where an export stands: its files being made and checked, offered, or refused. */
export type ExportState =
  | { phase: 'checking'; label: string }
  | { phase: 'ready'; label: string; result: ExportResult }
  | { phase: 'failed'; label: string; message: string };

const PROOF_CLASS: Record<ExportProof['status'], string> = { passed: 'ok', 'not-checked': 'warn', failed: 'error' };

/**
 * An export on its way to the downloads: "Checking the export…" while its files are reloaded and
 * compared with the model, then the proof's line beside the download. A failed proof still offers
 * the files, under a warning naming what differed: the difference can be TF.js's own (a layer it
 * computes unlike Keras and ONNX), and the files are what a bug report needs.
 */
export function ExportDialog({
  state,
  onClose,
  onDownloaded,
}: {
  state: ExportState;
  onClose(): void;
  onDownloaded(message: string): void;
}) {
  const result = state.phase === 'ready' ? state.result : null;
  const proof = result?.proof;
  const failed = proof?.status === 'failed';
  const save = () => {
    if (!result) return;
    for (const file of result.files) download(file);
    onDownloaded(
      `Exported ${result.files.map((f) => f.name).join(' and ')}${result.note ? `, ${result.note}` : ''}.${proof ? ` ${proof.message}` : ''}`,
    );
  };
  return (
    <Dialog label={`Export: ${state.label}`} onClose={onClose} className="save-dialog export-dialog">
      <div className="stack">
        <h2>Export: {state.label}</h2>
        {state.phase === 'checking' ? (
          <p role="status" aria-busy="true" className="muted" data-testid="export-checking">
            Checking the export…
          </p>
        ) : null}
        {state.phase === 'failed' ? <p className="alert error">Export failed: {state.message}</p> : null}
        {result ? (
          <>
            <p className="small muted">
              {result.files.map((f) => f.name).join(' + ')}
              {result.note ? `, ${result.note}` : ''}
            </p>
            <p className={`alert ${proof ? PROOF_CLASS[proof.status] : 'warn'} small`} data-testid="export-proof" role="status">
              {proof ? proof.message : 'Not checked: code only, without weights to reload.'}
            </p>
            {proof && proof.problems.length > 0 ? (
              <ul className="small export-problems">
                {proof.problems.slice(0, 5).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            {failed ? (
              <p className="small">
                These files do not reproduce the model as checked. Download them only to inspect or report the difference.
              </p>
            ) : null}
          </>
        ) : null}
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          {result ? (
            <button type="button" className={failed ? 'danger' : 'primary'} onClick={save}>
              {failed
                ? 'Download anyway'
                : result.files.length === 1
                  ? `Download ${result.files[0]?.name}`
                  : `Download ${result.files.length} files`}
            </button>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}

/** The dialog of a checked export while there is one; once downloaded it closes and says what was checked. */
export function CheckedExportDialog({
  checked,
  onNotice,
}: {
  checked: ReturnType<typeof useCheckedExport>;
  onNotice(message: string): void;
}) {
  if (!checked.state) return null;
  return (
    <ExportDialog
      state={checked.state}
      onClose={checked.close}
      onDownloaded={(message) => {
        checked.close();
        onNotice(message);
      }}
    />
  );
}
