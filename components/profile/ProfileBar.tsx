'use client';

import { formatBytes } from '@/components/editor/format';
import { useProfile } from './ProfileContext';
import { formatMs } from './profile-figures';

/**
 * The overlay's line above the canvas: progress while layers are timed, then the backend, the batch
 * and the total, a word when an edit made the figures stale, or the reason it could not run.
 */
export function ProfileBar() {
  const profile = useProfile();
  if (!profile || profile.state.status === 'off') return null;
  const { state, stale, start, stop } = profile;
  const close = (
    <button type="button" className="profile-bar__close" onClick={stop} aria-label="Turn the profile off" title="Turn the profile off">
      ×
    </button>
  );
  if (state.status === 'running') {
    return (
      <div className="profile-bar" role="status" data-testid="profile-bar">
        <span className="profile-bar__spinner" aria-hidden="true" />
        <span>
          {state.count > 0
            ? `Profiling layer ${state.index} of ${state.count}…`
            : state.backend
              ? 'Building the network…'
              : 'Starting the backend…'}
          {state.backend ? <span className="muted"> on {state.backend}</span> : null}
        </span>
        {close}
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="profile-bar profile-bar--error" role="alert" data-testid="profile-bar">
        <span>{state.message}</span>
        <button type="button" onClick={start}>
          Profile again
        </button>
        {close}
      </div>
    );
  }
  const total = state.rows.reduce((sum, r) => sum + r.forwardMs + r.backwardMs, 0);
  const memory = state.rows.reduce((sum, r) => sum + r.activationBytes, 0);
  return (
    <div className={`profile-bar${stale ? ' profile-bar--stale' : ''}`} role="status" data-testid="profile-bar">
      <span>
        Profiled on <strong data-testid="profile-backend">{state.backend}</strong>, batch of {state.batchSize}: {formatMs(total)} forward
        and backward, {formatBytes(memory)} of activations
      </span>
      {stale ? <span className="profile-bar__stale">The design changed since: these figures are out of date.</span> : null}
      <button type="button" onClick={start}>
        Profile again
      </button>
      {close}
    </div>
  );
}
