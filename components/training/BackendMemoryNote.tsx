import type { BackendMemory } from './useBackendMemory';

/**
 * Under the backend picker: which backend this browser found fastest for this model the last time,
 * that runs now start on it without measuring, and a way to measure again.
 */
export function BackendMemoryNote({ memory, disabled }: { memory: BackendMemory; disabled: boolean }) {
  const { remembered } = memory;
  if (!remembered) return null;
  const figures = remembered.figures
    .map((f) => (f.error ? `${f.backend} unavailable` : `${f.backend} ${Math.round(f.samplesPerSecond).toLocaleString('en')} samples/s`))
    .join(' · ');
  return (
    <p className="muted small" data-testid="backend-memory">
      Runs of this model start on <strong>{remembered.backend}</strong> at once: it was the fastest when this browser measured it on{' '}
      {new Date(remembered.measuredAt).toLocaleDateString('en', { day: 'numeric', month: 'short' })} ({figures}).{' '}
      <button type="button" className="button small" onClick={memory.forget} disabled={disabled}>
        Measure again
      </button>
    </p>
  );
}
