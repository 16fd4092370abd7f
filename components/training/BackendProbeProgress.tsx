import type { BackendName } from '@/engine/backends';

/**
 * The backend measurement as it goes: which backend is being timed on this model, of how many, and a
 * bar that fills as each one finishes (measuring takes seconds, so the page shows it moving).
 */
export function BackendProbeProgress({
  candidates,
  probe,
}: {
  candidates: BackendName[];
  probe: { backend: BackendName; index: number; count: number; done: boolean } | null;
}) {
  const count = probe?.count ?? candidates.length;
  const finished = probe ? probe.index + (probe.done ? 1 : 0) : 0;
  // Half a step for the one being measured, so the bar moves as soon as a measurement begins.
  const share = count > 0 ? (finished + (probe && !probe.done ? 0.5 : 0)) / count : 0;
  if (candidates.length === 1 && !probe) return <span data-testid="backend-probe">Starting on {candidates[0]}…</span>;
  return (
    <span className="probe-progress" data-testid="backend-probe">
      {probe
        ? `Measuring ${probe.backend} on this model (${probe.index + 1} of ${probe.count})…`
        : `Getting ready to measure ${candidates.join(', ')} on this model…`}
      <span
        className="progress__track probe-progress__track"
        role="progressbar"
        aria-label="Backend measurement"
        aria-valuemin={0}
        aria-valuemax={count}
        aria-valuenow={finished}
      >
        <span className="progress__fill" style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}
