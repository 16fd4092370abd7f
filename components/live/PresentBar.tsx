'use client';

import { useState } from 'react';
import { presenterOf } from '@/live/presence';
import { ShareLinksDialog } from './ShareLinksDialog';
import type { LiveRoom } from './useLiveRoom';
import './live.css';

const STATUS_WORDS = {
  connecting: 'Joining the live room…',
  live: 'Live',
  offline: 'Offline: your edits are kept and sent when the connection is back',
  refused: 'Not connected',
} as const;

export interface PresentBarProps {
  live: LiveRoom;
  /** Editors may present and make share links. */
  canPresent: boolean;
  /** The project, for share links; absent for someone following through a link. */
  projectId?: string;
  /** Copies the room's current design into a project of one's own; absent without an account. */
  onFork?(): void;
}

/**
 * The live room's bar above the canvas: who is here, the connection, presenting ("Present" /
 * "Stop presenting"), for followers "Follow the presenter" / "Look around on my own", keeping a copy
 * of the current design, and the share links.
 */
export function PresentBar({ live, canPresent, projectId, onFork }: PresentBarProps) {
  const [sharing, setSharing] = useState(false);
  const presenter = presenterOf(live.peers);
  const { presenting } = live;
  const togglePresenting = () => live.setPresenting(!presenting);
  return (
    <div className="present-bar" role="toolbar" aria-label="Live room">
      <span className="present-bar__status" data-status={live.status}>
        <span className={`present-bar__dot present-bar__dot--${live.status}`} />
        {STATUS_WORDS[live.status]}
      </span>
      <span className="present-bar__people" title="People here">
        <span className="present-bar__person" style={{ background: live.me.color }} title="You">
          {live.me.name} (you)
        </span>
        {live.peers.map((p) => (
          <span key={p.clientId} className="present-bar__person" style={{ background: p.user.color }}>
            {p.user.name}
          </span>
        ))}
      </span>
      {live.message ? <span className="present-bar__message">{live.message}</span> : null}
      <span className="present-bar__spacer" />
      {presenter && !presenting ? (
        <>
          <span>{presenter.user.name} is presenting</span>
          <button type="button" onClick={() => live.setFollowing(!live.following)}>
            {live.following ? 'Look around on my own' : 'Follow the presenter'}
          </button>
        </>
      ) : null}
      {canPresent ? (
        <button type="button" aria-pressed={presenting} onClick={togglePresenting}>
          {presenting ? 'Stop presenting' : 'Present'}
        </button>
      ) : null}
      {onFork ? (
        <button type="button" onClick={onFork}>
          Keep a copy
        </button>
      ) : null}
      {canPresent && projectId ? (
        <button type="button" onClick={() => setSharing(true)}>
          Share link
        </button>
      ) : null}
      {sharing && projectId ? <ShareLinksDialog projectId={projectId} onClose={() => setSharing(false)} /> : null}
    </div>
  );
}
