'use client';

import { useCallback, useEffect, useState } from 'react';
import { Dialog } from '@/components/editor/Dialog';
import { call } from '@/components/ui/api';
import * as routes from '@/server/share-links/routes';
import type { ShareLink } from '@/server/share-links/schemas';

const EXPIRIES = [
  { hours: 2, label: '2 hours' },
  { hours: 24, label: '1 day' },
  { hours: 24 * 7, label: '1 week' },
  { hours: 24 * 30, label: '30 days' },
];

/**
 * Read-only links to follow the project live without an account: make one (with an expiry), copy
 * it (shown once), see the others and revoke them. Revoking disconnects whoever follows through it.
 */
export function ShareLinksDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const [links, setLinks] = useState<ShareLink[]>([]);
  const [hours, setHours] = useState(2);
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const list = await call(routes.listShareLinks, { params: { projectId } });
    if (list.ok) setLinks(list.data.links);
    else setError(list.message);
  }, [projectId]);
  useEffect(() => void refresh(), [refresh]);

  const create = async () => {
    const result = await call(routes.createShareLink, { params: { projectId }, body: { label, expiresInHours: hours } });
    if (!result.ok) return setError(result.message);
    setMade(`${window.location.origin}${result.data.path}`);
    setLabel('');
    await refresh();
  };
  const revoke = async (linkId: string) => {
    const result = await call(routes.revokeShareLink, { params: { projectId, linkId } });
    if (!result.ok) setError(result.message);
    await refresh();
  };

  return (
    <Dialog label="Share links" onClose={onClose}>
      <div className="share-links">
        <h2>Follow live without an account</h2>
        <p>Anyone with a link sees the design as it changes and can follow your view, but cannot change anything.</p>
        <div className="share-links__row">
          <input
            aria-label="Who the link is for"
            placeholder="Who is it for? (optional)"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
          <select aria-label="Valid for" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {EXPIRIES.map((e) => (
              <option key={e.hours} value={e.hours}>
                valid {e.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void create()}>
            Make a link
          </button>
        </div>
        {made ? (
          <div>
            <p>Copy it now; it is not shown again:</p>
            <div className="share-links__url" data-testid="share-url">
              {made}
            </div>
          </div>
        ) : null}
        {error ? <p className="present-bar__message">{error}</p> : null}
        <ul aria-label="Links made">
          {links.map((link) => (
            <li key={link.id} className="share-links__row">
              <span>
                {link.label || 'Link'} · {link.active ? `until ${link.expiresAt.toLocaleString()}` : link.revokedAt ? 'revoked' : 'expired'}
              </span>
              {link.active ? (
                <button type="button" onClick={() => void revoke(link.id)}>
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
