'use client';

import { useState } from 'react';
import { Dialog } from './Dialog';

/**
 * Asks what changed before saving a version (Ctrl/Cmd+S). Enter saves; the message may stay empty.
 */
export function SaveDialog({
  onSave,
  onClose,
  busy,
  hasErrors,
}: {
  onSave(message: string): void;
  onClose(): void;
  busy: boolean;
  hasErrors: boolean;
}) {
  const [message, setMessage] = useState('');
  return (
    <Dialog label="Save a version" onClose={onClose} className="save-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(message);
        }}
      >
        <h2>Save a version</h2>
        <label>
          What changed?
          <input
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            placeholder="e.g. wider first convolution"
            maxLength={500}
            autoFocus
          />
        </label>
        {hasErrors ? <p className="alert warn small">The network still has errors. You can save it anyway and fix them later.</p> : null}
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save version'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
