import type { Analysis } from '@/engine/analysis/types';
import type { LayerProfile } from '@/engine/inspect/profile-layers';
import type { FromProfileWorker } from './profile-protocol';

/** The editor's profile overlay, from off through measuring to figures or an error in words. */
export type ProfileState =
  | { status: 'off' }
  | { status: 'running'; backend: string | null; index: number; count: number; layer: string | null; batchSize: number }
  | {
      status: 'done';
      backend: string;
      batchSize: number;
      rows: LayerProfile[];
      /** The analysis the figures were measured on: a later edit gives the store a new one. */
      measured: Analysis;
    }
  | { status: 'error'; message: string };

export type ProfileEvent =
  | { type: 'start'; batchSize: number; measured: Analysis }
  | { type: 'stop' }
  | { type: 'fail'; message: string }
  | { type: 'worker'; message: FromProfileWorker; measured: Analysis };

export const PROFILE_OFF: ProfileState = { status: 'off' };

/** The next overlay state; worker messages arriving after the overlay was turned off are ignored. */
export function profileReducer(state: ProfileState, event: ProfileEvent): ProfileState {
  if (event.type === 'stop') return PROFILE_OFF;
  if (event.type === 'fail') return { status: 'error', message: event.message };
  if (event.type === 'start') return { status: 'running', backend: null, index: 0, count: 0, layer: null, batchSize: event.batchSize };
  if (state.status !== 'running') return state;
  const m = event.message;
  if (m.type === 'backend') return { ...state, backend: m.backend };
  if (m.type === 'layer') return { ...state, index: m.index, count: m.count, layer: m.layer };
  if (m.type === 'error') return { status: 'error', message: m.message };
  return { status: 'done', backend: m.backend, batchSize: state.batchSize, rows: m.rows, measured: event.measured };
}
