import { etaMs, progressFraction, type RunState } from '@/engine/train/run-lifecycle';

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** How far the run is, and about how long it has left at the pace so far. */
export function ProgressBar({ state }: { state: RunState }) {
  const fraction = progressFraction(state);
  const eta = etaMs(state);
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
        {state.status === 'completed' ? `Done in ${formatDuration(state.elapsedMs)}` : null}
      </span>
    </div>
  );
}
