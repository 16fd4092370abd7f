'use client';

import { formatBytes } from '@/components/editor/format';
import { formatMs } from './profile-figures';
import type { NodeProfile } from './profile-node-store';

/** One layer's time and activation memory on the canvas, with the slowest layer marked. */
export function ProfileTag({ profile }: { profile: NodeProfile }) {
  const title = [
    `Forward ${formatMs(profile.forwardMs)}, backward ${formatMs(profile.backwardMs)} for one batch`,
    `${Math.round(profile.share * 100)}% of the network's time`,
    `Activations ${formatBytes(profile.activationBytes)}, weights ${formatBytes(profile.weightBytes)}`,
    profile.stale ? 'Measured before the last edit' : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <div className="layer-node__profile" data-testid="layer-profile" title={title}>
      <span className="layer-node__profile-ms">{formatMs(profile.ms)}</span>
      <span className="layer-node__profile-mem">{formatBytes(profile.activationBytes)}</span>
      {profile.slowest ? (
        <span className="profile-slowest" data-testid="profile-slowest">
          slowest
        </span>
      ) : null}
    </div>
  );
}
