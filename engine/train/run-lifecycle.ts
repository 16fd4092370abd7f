/**
 * The life of a training run, in the browser and on a server worker alike, as one discriminated union
 * with a pure transition function. The UI renders from the state; the server checks every status
 * change it records against the same rules.
 *
 * ```
 * queued ──start──▶ running ──pause──▶ paused
 *    │                │  ▲ ◀──resume──────┘ │
 *    │                │  └─ epoch, batch    │
 *    ├──cancel──▶ cancelled ◀──cancel───────┤
 *    │                ├──complete──▶ completed
 *    └──fail──▶ failed ◀──fail──────────────┘
 * ```
 */

/** Per-epoch figures, e.g. `{ loss, accuracy, valLoss, valAccuracy }`. */
export type Metrics = Record<string, number>;

export interface RunProgress {
  /** Epochs finished so far (including any before a resume). */
  epochsDone: number;
  totalEpochs: number;
  /** Batches finished in the current epoch, and how many it has. */
  batch: number;
  batchesPerEpoch: number;
  /** Wall-clock milliseconds spent training (pauses excluded). */
  elapsedMs: number;
  /** Figures of the last finished epoch. */
  last: Metrics | null;
}

export type RunState =
  | { status: 'queued' }
  | ({ status: 'running'; backend: string; startedAt: number } & RunProgress)
  | ({ status: 'paused'; backend: string; pausedAt: number } & RunProgress)
  | { status: 'completed'; final: Metrics; epochsDone: number; elapsedMs: number; stoppedEarly: boolean }
  | { status: 'failed'; error: string; epochsDone: number }
  | { status: 'cancelled'; epochsDone: number };

export type RunStatus = RunState['status'];

export type RunEvent =
  | { type: 'start'; backend: string; totalEpochs: number; batchesPerEpoch: number; initialEpoch?: number; at: number }
  | { type: 'batch'; batch: number; batchesPerEpoch?: number; at: number }
  | { type: 'epoch'; epoch: number; metrics: Metrics; at: number }
  | { type: 'pause'; at: number }
  | { type: 'resume'; at: number }
  | { type: 'complete'; final: Metrics; stoppedEarly?: boolean; at: number }
  | { type: 'fail'; error: string }
  | { type: 'cancel' };

/** Statuses a run never leaves. */
export const FINAL_STATUSES: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];

export function isFinal(state: RunState | RunStatus): boolean {
  return FINAL_STATUSES.includes(typeof state === 'string' ? state : state.status);
}

export const QUEUED: RunState = { status: 'queued' };

function epochsDone(state: RunState): number {
  return 'epochsDone' in state ? state.epochsDone : 0;
}

/**
 * The next state of a run after an event. Events that do not apply to the current state (a pause
 * while queued, an epoch after completion, anything after a final state) leave it unchanged, so a
 * late or repeated message can never move a run backwards.
 *
 * @example
 * let s = runTransition(QUEUED, { type: 'start', backend: 'wasm', totalEpochs: 2, batchesPerEpoch: 10, at: 0 });
 * s = runTransition(s, { type: 'pause', at: 500 }); // { status: 'paused', … }
 */
export function runTransition(state: RunState, event: RunEvent): RunState {
  if (isFinal(state)) return state;
  switch (event.type) {
    case 'start':
      if (state.status !== 'queued') return state;
      return {
        status: 'running',
        backend: event.backend,
        startedAt: event.at,
        epochsDone: event.initialEpoch ?? 0,
        totalEpochs: event.totalEpochs,
        batch: 0,
        batchesPerEpoch: event.batchesPerEpoch,
        elapsedMs: 0,
        last: null,
      };
    case 'batch':
      if (state.status !== 'running') return state;
      return {
        ...state,
        batch: event.batch,
        batchesPerEpoch: event.batchesPerEpoch ?? state.batchesPerEpoch,
        elapsedMs: elapsed(state, event.at),
      };
    case 'epoch':
      if (state.status !== 'running' && state.status !== 'paused') return state;
      if (event.epoch + 1 <= state.epochsDone) return state; // already counted
      return {
        ...state,
        epochsDone: event.epoch + 1,
        batch: 0,
        last: event.metrics,
        elapsedMs: state.status === 'running' ? elapsed(state, event.at) : state.elapsedMs,
      };
    case 'pause': {
      if (state.status !== 'running') return state;
      const { startedAt: _, ...rest } = state;
      return { ...rest, status: 'paused', pausedAt: event.at, elapsedMs: elapsed(state, event.at) };
    }
    case 'resume': {
      if (state.status !== 'paused') return state;
      const { pausedAt: _, ...rest } = state;
      // Restart the clock so the pause is not counted as training time.
      return { ...rest, status: 'running', startedAt: event.at - rest.elapsedMs };
    }
    case 'complete':
      if (state.status !== 'running' && state.status !== 'paused') return state;
      return {
        status: 'completed',
        final: event.final,
        epochsDone: state.epochsDone,
        elapsedMs: state.status === 'running' ? elapsed(state, event.at) : state.elapsedMs,
        stoppedEarly: event.stoppedEarly ?? false,
      };
    case 'fail':
      return { status: 'failed', error: event.error, epochsDone: epochsDone(state) };
    case 'cancel':
      return { status: 'cancelled', epochsDone: epochsDone(state) };
  }
}

function elapsed(state: { startedAt: number }, at: number): number {
  return Math.max(0, at - state.startedAt);
}

/**
 * Estimated milliseconds left, from the pace so far: the fraction of all batches done against the
 * time spent. Null until there is a pace to go by.
 */
export function etaMs(state: RunState): number | null {
  if (state.status !== 'running' && state.status !== 'paused') return null;
  const done = state.epochsDone * state.batchesPerEpoch + state.batch;
  const total = state.totalEpochs * state.batchesPerEpoch;
  if (done <= 0 || total <= 0 || state.elapsedMs <= 0) return null;
  return (state.elapsedMs / done) * Math.max(0, total - done);
}

/** Share of the run done, 0…1. */
export function progressFraction(state: RunState): number {
  if (state.status === 'completed') return 1;
  if (state.status !== 'running' && state.status !== 'paused') return 0;
  const total = state.totalEpochs * state.batchesPerEpoch;
  return total > 0 ? Math.min(1, (state.epochsDone * state.batchesPerEpoch + state.batch) / total) : 0;
}

/**
 * Whether a stored run may move from one status to another (the server's view: queued, running and
 * the final three; pausing happens only in the page).
 */
export function canMove(from: RunStatus, to: RunStatus): boolean {
  if (isFinal(from)) return false;
  if (from === to) return from === 'running';
  if (from === 'queued') return to !== 'paused';
  return to !== 'queued';
}
