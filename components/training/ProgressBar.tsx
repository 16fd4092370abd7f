import { etaMs, progressFraction, type RunState } from '@/engine/train/run-lifecycle';
import { type PacePoint, remainingBatches, timeLeftMs } from '@/engine/train/time-left';

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * How far the run is, and about how long it has left. With `pace` (the batches watched and when),
 * the time left is the batches to go at the rate watched; without it, the pace since the start.
 * `doneInMs` is the run's recorded duration (null while it is not known yet); without it, the time
 * this page watched.
 */
export function ProgressBar({ state, pace, doneInMs }: { state: RunState; pace?: readonly PacePoint[]; doneInMs?: number | null }) {
  const fraction = progressFraction(state);
  const eta = pace ? timeLeftMs(remainingBatches(state) ?? 0, pace) : etaMs(state);
  const took = doneInMs === undefined && state.status === 'completed' ? state.elapsedMs : doneInMs;
  const running = state.status === 'running' || state.status === 'paused';
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div className={`progress__fill progress__fill--${state.status}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      <span className="progress__text">
        {running
          ? `Epoch ${Math.min(state.epochsDone + 1, state.totalEpochs)} of ${state.totalEpochs}, batch ${state.batch} of ${state.batchesPerEpoch}`
          : null}
        {running && eta !== null ? ` · about ${formatDuration(eta)} left` : null}
        {state.status === 'paused' ? ' · paused' : null}
        {state.status === 'completed' ? (took != null ? `Done in ${formatDuration(took)}` : 'Done') : null}
      </span>
    </div>
  );
}
