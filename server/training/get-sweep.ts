import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import { RUN_SUMMARY_SELECT, toRunSummary } from '@/server/training/run-view';
import type { Sweep } from '@/server/training/schemas';

const SWEEP_SELECT = {
  id: true,
  projectId: true,
  versionNumber: true,
  grid: true,
  builtinDataset: true,
  datasetVersionId: true,
  createdAt: true,
  runs: { orderBy: { createdAt: 'asc' as const }, select: RUN_SUMMARY_SELECT },
};

type SweepRow = {
  id: string;
  projectId: string;
  versionNumber: number;
  grid: unknown;
  builtinDataset: string | null;
  createdAt: Date;
  runs: Parameters<typeof toRunSummary>[0][];
};

function toSweep(row: SweepRow): Sweep {
  const runs = row.runs.map(toRunSummary);
  return {
    id: row.id,
    projectId: row.projectId,
    versionNumber: row.versionNumber,
    dataset: runs[0]?.dataset ?? (row.builtinDataset ? `builtin:${row.builtinDataset}` : 'dataset'),
    axes: row.grid as Sweep['axes'],
    createdAt: row.createdAt.toISOString(),
    runs,
  };
}

/** One sweep with its runs (in grid order). */
export async function getSweep(projectId: string, sweepId: string): Promise<Sweep> {
  const row = await db().sweep.findFirst({ where: { id: sweepId, projectId }, select: SWEEP_SELECT });
  if (!row) throw notFound('The sweep');
  return toSweep(row);
}

/** A project's sweeps, newest first. */
export async function listSweeps(projectId: string): Promise<Sweep[]> {
  const rows = await db().sweep.findMany({ where: { projectId }, orderBy: { createdAt: 'desc' }, take: 50, select: SWEEP_SELECT });
  return rows.map(toSweep);
}
