'use client';

import type { Notice } from './EditorContext';

/** The latest messages after actions, in one polite live region over the canvas. */
export function Toasts({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast--${n.tone}`}>
          <span>{n.text}</span>
          <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
