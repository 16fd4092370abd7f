'use client';

import { useEffect, useState } from 'react';
import type { VersionItem } from './types';

/** The project's versions, newest first, with open, restore and compare. */
export function HistoryPanel({
  versions,
  headNumber,
  canEdit,
  onOpen,
  onRestore,
  onCompare,
}: {
  versions: VersionItem[];
  headNumber: number | null;
  canEdit: boolean;
  onOpen: (n: number) => void;
  onRestore: (n: number) => void;
  onCompare: (from: number, to: number) => void;
}) {
  const [from, setFrom] = useState<number | ''>(versions[1]?.number ?? '');
  const [to, setTo] = useState<number | ''>(versions[0]?.number ?? '');
  const newest = versions[0]?.number;
  const previous = versions[1]?.number;
  // A new version arrived: compare the newest with the one before by default.
  useEffect(() => {
    setFrom(previous ?? '');
    setTo(newest ?? '');
  }, [newest, previous]);
  if (versions.length === 0) return <p className="muted">No versions yet. Save one to start the history.</p>;
  return (
    <section className="history" aria-label="History">
      {versions.length > 1 ? (
        <form
          className="row small"
          aria-label="Compare versions"
          onSubmit={(e) => {
            e.preventDefault();
            if (from !== '' && to !== '') onCompare(from, to);
          }}
        >
          Compare
          <select aria-label="From version" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.number} value={v.number}>
                v{v.number}
              </option>
            ))}
          </select>
          with
          <select aria-label="To version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {versions.map((v) => (
              <option key={v.number} value={v.number}>
                v{v.number}
              </option>
            ))}
          </select>
          <button type="submit">Show changes</button>
        </form>
      ) : null}
      <ul>
        {versions.map((v) => (
          <li key={v.number} className={v.number === headNumber ? 'current' : undefined} data-testid={`version-${v.number}`}>
            <div className="row">
              <span>
                v{v.number} {v.message ? `· ${v.message}` : ''}
              </span>
              {v.number === headNumber ? <span className="badge">newest</span> : null}
              {v.restoredFrom ? <span className="badge grey">restores v{v.restoredFrom}</span> : null}
            </div>
            <div className="muted small">
              {v.author?.name ?? 'unknown'} · {new Date(v.createdAt).toLocaleString()}
            </div>
            <div className="row small">
              <button type="button" className="link" onClick={() => onOpen(v.number)}>
                Open
              </button>
              {v.parentNumber ? (
                <button type="button" className="link" onClick={() => onCompare(v.parentNumber as number, v.number)}>
                  Changes
                </button>
              ) : null}
              {canEdit && v.number !== headNumber ? (
                <button type="button" className="link" onClick={() => onRestore(v.number)}>
                  Restore
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
