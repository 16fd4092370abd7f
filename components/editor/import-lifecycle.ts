import type { Diagnostic } from '@/engine/diagnostics';
import type { ModelFileKind } from '@/engine/import/import-model';
import type { ImportReport } from '@/engine/import/import-report';

/** What an imported model turned into, for the message shown after the import. */
export interface ImportOutcome {
  /** The model file's name. */
  fileName: string;
  kind: ModelFileKind;
  layers: number;
  /** Layers kept as placeholders because NetCanvas cannot build them. */
  placeholders: number;
  /** Weight values read from the dropped shards, when there were any. */
  weights: number | null;
  /** What became of each layer: exact, approximated, or a placeholder with what to replace it with. */
  report?: ImportReport;
}

/**
 * The import of dropped model files, as one discriminated union with a pure transition: reading the
 * files (with byte progress for large shards), building the graph (parse, weights, layout), then done
 * or failed. The UI renders the state; the importer only sends events.
 */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; filesDone: number; filesTotal: number; bytesDone: number; bytesTotal: number }
  | { phase: 'building'; fileName: string; step: 'parse' | 'weights' | 'layout' }
  | { phase: 'done'; outcome: ImportOutcome; diagnostics: Diagnostic[] }
  /** `kind` is set when the file is a model opened elsewhere (a TF.js graph model opens for prediction). */
  | { phase: 'failed'; message: string; diagnostics: Diagnostic[]; kind?: ModelFileKind };

export type ImportEvent =
  | { type: 'start'; files: { name: string; size: number }[] }
  | { type: 'progress'; fileName: string; bytes: number }
  | { type: 'fileRead'; fileName: string }
  | { type: 'build'; fileName: string; step: 'parse' | 'weights' | 'layout' }
  | { type: 'finish'; outcome: ImportOutcome; diagnostics: Diagnostic[] }
  | { type: 'fail'; message: string; diagnostics?: Diagnostic[]; kind?: ModelFileKind }
  | { type: 'dismiss' };

export const IMPORT_IDLE: ImportState = { phase: 'idle' };

/**
 * The next import state. Events that make no sense in the current phase (progress after a failure,
 * a second start while reading) leave the state as it is.
 *
 * @example
 * let s = importReducer(IMPORT_IDLE, { type: 'start', files: [{ name: 'model.json', size: 1000 }] });
 * s = importReducer(s, { type: 'progress', fileName: 'model.json', bytes: 500 }); // bytesDone 500
 */
export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case 'start':
      if (state.phase === 'reading' || state.phase === 'building') return state;
      return {
        phase: 'reading',
        fileName: event.files[0]?.name ?? '',
        filesDone: 0,
        filesTotal: event.files.length,
        bytesDone: 0,
        bytesTotal: event.files.reduce((n, f) => n + f.size, 0),
      };
    case 'progress':
      if (state.phase !== 'reading') return state;
      return { ...state, fileName: event.fileName, bytesDone: Math.min(state.bytesTotal, state.bytesDone + event.bytes) };
    case 'fileRead':
      if (state.phase !== 'reading') return state;
      return { ...state, filesDone: Math.min(state.filesTotal, state.filesDone + 1) };
    case 'build':
      if (state.phase !== 'reading' && state.phase !== 'building') return state;
      return { phase: 'building', fileName: event.fileName, step: event.step };
    case 'finish':
      if (state.phase !== 'reading' && state.phase !== 'building') return state;
      return { phase: 'done', outcome: event.outcome, diagnostics: event.diagnostics };
    case 'fail':
      if (state.phase === 'idle' || state.phase === 'done') return state;
      return { phase: 'failed', message: event.message, diagnostics: event.diagnostics ?? [], ...(event.kind ? { kind: event.kind } : {}) };
    case 'dismiss':
      return state.phase === 'reading' || state.phase === 'building' ? state : IMPORT_IDLE;
  }
}

/** Share of the bytes read, 0–1, for a progress bar. */
export function importProgress(state: ImportState): number | null {
  if (state.phase !== 'reading') return null;
  return state.bytesTotal === 0 ? 0 : state.bytesDone / state.bytesTotal;
}
