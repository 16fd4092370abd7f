'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as datasetRoutes from '@/server/datasets/routes';

/** Deletes a dataset after a second click that says what goes. */
export function DeleteDatasetButton({ datasetId, name, versions }: { datasetId: string; name: string; versions: number }) {
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const result = await call(datasetRoutes.deleteDataset, { params: { datasetId } });
    if (!result.ok) return setError(result.message);
    router.push('/datasets');
    router.refresh();
  }
  return (
    <div className="row">
      {armed ? (
        <>
          <span className="small">
            Delete “{name}” and its {versions} version{versions === 1 ? '' : 's'}? Runs keep their figures.
          </span>
          <button type="button" className="danger" onClick={() => void remove()}>
            Yes, delete it
          </button>
          <button type="button" onClick={() => setArmed(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => setArmed(true)}>
          Delete dataset
        </button>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
