'use client';

import { useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as trainingRoutes from '@/server/training/routes';
import { type NamedRun, runName } from './run-name';

/**
 * A run's name as the page heading, renamable by editors: an empty name goes back to the one made
 * from its design, version, dataset and date.
 */
export function RunNameEditor({ run, runId, canEdit }: { run: NamedRun; runId: string; canEdit: boolean }) {
  const [name, setName] = useState(run.name);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = runName({ ...run, name });
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await call(trainingRoutes.renameRun, { params: { runId }, body: { name: draft ?? '' } });
    if (!result.ok) return setError(result.message);
    setName(result.data.name);
    setDraft(null);
    setError(null);
  };
  if (draft === null) {
    return (
      <div className="run-name">
        <h2>{shown}</h2>
        {canEdit ? (
          <button type="button" className="button small" onClick={() => setDraft(name ?? shown)}>
            Rename
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <form className="run-name" onSubmit={save}>
      <input aria-label="Run name" value={draft} maxLength={120} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" className="button primary small">
        Save name
      </button>
      <button type="button" className="button small" onClick={() => setDraft(null)}>
        Cancel
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
