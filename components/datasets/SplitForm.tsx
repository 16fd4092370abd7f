'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import * as datasetRoutes from '@/server/datasets/routes';

/** Splits the labelled samples again (a new version): fractions, seed, stratified or not. */
export function SplitForm({
  datasetId,
  head,
  split,
  stratifiable,
}: {
  datasetId: string;
  head: number;
  split: { seed: number; validation: number; test: number; stratify: boolean };
  stratifiable: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    const result = await call(datasetRoutes.createDatasetVersion, {
      params: { datasetId },
      body: {
        parent: head,
        split: {
          validation: Number(data.get('validation')) / 100,
          test: Number(data.get('test')) / 100,
          seed: Number(data.get('seed')),
          stratify: stratifiable && data.get('stratify') === 'on',
        },
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    router.push(`/datasets/${datasetId}?version=${result.data.number}`);
    router.refresh();
  }

  return (
    <form className="row" onSubmit={submit} aria-label="Split again">
      <label>
        Validation %
        <input name="validation" type="number" min={0} max={90} defaultValue={Math.round(split.validation * 100)} />
      </label>
      <label>
        Test %
        <input name="test" type="number" min={0} max={90} defaultValue={Math.round(split.test * 100)} />
      </label>
      <label>
        Seed
        <input name="seed" type="number" min={0} defaultValue={split.seed} />
      </label>
      {stratifiable ? (
        <label className="row">
          <input name="stratify" type="checkbox" defaultChecked={split.stratify} /> Stratified
        </label>
      ) : null}
      <button type="submit" disabled={busy}>
        Split again (new version)
      </button>
      <ErrorNote message={error} />
    </form>
  );
}
