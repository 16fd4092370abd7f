import type { UploadReport } from './upload-request';

/** Where an upload is: one discriminated union, moved only by `uploadStep`. */
export type UploadState =
  | { phase: 'idle' }
  | { phase: 'packing'; done: number; total: number }
  | { phase: 'uploading'; sent: number; total: number }
  | { phase: 'processing' }
  | { phase: 'done'; datasetId: string; report: UploadReport }
  | { phase: 'failed'; message: string; problems: { name: string; reason: string }[] };

export type UploadEvent =
  | { type: 'pack'; done: number; total: number }
  | { type: 'sent'; sent: number; total: number }
  | { type: 'done'; datasetId: string; report: UploadReport }
  | { type: 'failed'; message: string; problems?: { name: string; reason: string }[] }
  | { type: 'reset' };

export function uploadStep(state: UploadState, event: UploadEvent): UploadState {
  switch (event.type) {
    case 'pack':
      return { phase: 'packing', done: event.done, total: event.total };
    case 'sent':
      // Once every byte is sent the server finishes reading and packing before it answers.
      return event.sent >= event.total ? { phase: 'processing' } : { phase: 'uploading', sent: event.sent, total: event.total };
    case 'done':
      return { phase: 'done', datasetId: event.datasetId, report: event.report };
    case 'failed':
      return { phase: 'failed', message: event.message, problems: event.problems ?? [] };
    case 'reset':
      return { phase: 'idle' };
  }
  return state;
}

/** 0–1 progress for the bar, or null when there is no bar to show. */
export function uploadProgress(state: UploadState): number | null {
  if (state.phase === 'packing') return state.total ? state.done / state.total : 0;
  if (state.phase === 'uploading') return state.total ? state.sent / state.total : 0;
  if (state.phase === 'processing') return 1;
  return null;
}
