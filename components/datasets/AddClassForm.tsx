'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as datasetRoutes from '@/server/datasets/routes';

/**
 * Adds a class to a dataset — a new version, saved together with any labels given so far — and
 * carries on labelling there.
 */
export function AddClassForm({
  datasetId,
  parent,
  pendingLabels = [],
}: {
  datasetId: string;
  parent: number;
  pendingLabels?: { index: number; label: number }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('className') ?? '').trim();
    if (!name) return;
    setBusy(true);
    const result = await call(datasetRoutes.createDatasetVersion, {
      params: { datasetId },
      body: {
        parent,
        addClasses: [name],
        labels: pendingLabels,
        message: `Class "${name}" added${pendingLabels.length ? `; ${pendingLabels.length} label(s)` : ''}`,
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    router.push(`/datasets/${datasetId}/label?version=${result.data.number}`);
    router.refresh();
  }

  return (
    <form className="row" onSubmit={submit} aria-label="Add a class">
      <label>
        New class
        <input name="className" maxLength={100} placeholder="e.g. rust" />
      </label>
      <button type="submit" disabled={busy}>
        Add class
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
