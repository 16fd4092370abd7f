'use client';

import { useRouter } from 'next/navigation';

/**
 * The choice of a finished run for a project tab that works with one (Predict, Inside): picking
 * another run opens the tab's page for it (`?run=`), so the choice survives a reload and can be linked.
 */
export function RunPicker({
  projectId,
  tab,
  runs,
  runId,
}: {
  projectId: string;
  tab: 'predict' | 'inside';
  runs: { id: string; label: string }[];
  runId: string;
}) {
  const router = useRouter();
  return (
    <label>
      Run{' '}
      <select
        aria-label="Run"
        value={runId}
        onChange={(e) => router.push(`/projects/${projectId}/${tab}?run=${encodeURIComponent(e.currentTarget.value)}`)}
      >
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}
