import type { Prisma } from '@/prisma/generated/client';
import type { RunSummary } from '@/server/training/schemas';

/** Columns every run listing reads. */
export const RUN_SUMMARY_SELECT = {
  id: true,
  projectId: true,
  versionNumber: true,
  builtinDataset: true,
  datasetVersionId: true,
  datasetVersion: { select: { number: true, dataset: { select: { name: true } } } },
  place: true,
  kind: true,
  backend: true,
  status: true,
  label: true,
  name: true,
  project: { select: { name: true } },
  config: true,
  finalMetrics: true,
  wallTimeMs: true,
  sweepId: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdById: true,
  _count: { select: { epochs: true, artifacts: { where: { kind: 'weights' } } } },
} satisfies Prisma.TrainingRunSelect;

export type RunSummaryRow = Prisma.TrainingRunGetPayload<{ select: typeof RUN_SUMMARY_SELECT }>;

/** What a run trained on, in words: `builtin:digits` or `Flowers v3`. */
export function datasetLabel(row: Pick<RunSummaryRow, 'builtinDataset' | 'datasetVersion'>): string {
  if (row.builtinDataset) return `builtin:${row.builtinDataset}`;
  if (row.datasetVersion) return `${row.datasetVersion.dataset.name} v${row.datasetVersion.number}`;
  return 'deleted dataset';
}

export function toRunSummary(row: RunSummaryRow): RunSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    versionNumber: row.versionNumber,
    dataset: datasetLabel(row),
    datasetVersionId: row.datasetVersionId,
    place: row.place === 'browser' ? 'browser' : 'server',
    backend: row.backend,
    status: row.status,
    label: row.label,
    name: row.name,
    designName: row.project.name,
    kind: row.kind === 'features' ? 'features' : 'network',
    config: (row.config ?? {}) as Record<string, unknown>,
    finalMetrics: (row.finalMetrics ?? null) as Record<string, number> | null,
    epochsDone: row._count.epochs,
    wallTimeMs: row.wallTimeMs,
    sweepId: row.sweepId,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdBy: row.createdById,
    hasWeights: row._count.artifacts > 0,
  };
}
