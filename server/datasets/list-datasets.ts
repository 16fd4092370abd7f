import type { Role } from '@/prisma/generated/enums';
import { VersionMetaSchema } from '@/server/datasets/manifest';
import type { DatasetSummary, VersionSummary } from '@/server/datasets/summaries';
import { db } from '@/server/db/client';

const VERSION_SELECT = { number: true, parentNumber: true, message: true, createdAt: true, sampleCount: true, meta: true } as const;

export function toVersionSummary(row: {
  number: number;
  parentNumber: number | null;
  message: string;
  createdAt: Date;
  sampleCount: number;
  meta: unknown;
}): VersionSummary {
  const meta = VersionMetaSchema.parse(row.meta);
  return {
    number: row.number,
    parentNumber: row.parentNumber,
    message: row.message,
    createdAt: row.createdAt,
    sampleCount: row.sampleCount,
    counts: meta.counts,
    classCount: meta.classes?.length ?? null,
  };
}

export const DATASET_SELECT = {
  id: true,
  teamId: true,
  team: { select: { name: true } },
  name: true,
  description: true,
  kind: true,
  source: true,
  headNumber: true,
  createdAt: true,
  updatedAt: true,
  versions: { select: VERSION_SELECT, orderBy: { number: 'desc' } },
} as const;

type DatasetRow = {
  id: string;
  teamId: string;
  team: { name: string };
  name: string;
  description: string;
  kind: string;
  source: string;
  headNumber: number | null;
  createdAt: Date;
  updatedAt: Date;
  versions: Parameters<typeof toVersionSummary>[0][];
};

export function toDatasetSummary(row: DatasetRow, role: Role): DatasetSummary {
  return {
    id: row.id,
    teamId: row.teamId,
    teamName: row.team.name,
    name: row.name,
    description: row.description,
    kind: row.kind,
    source: row.source,
    headNumber: row.headNumber,
    role,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    versions: row.versions.map(toVersionSummary),
  };
}

/** A team's datasets with a summary of each version, most recently changed first, as a member of `role` sees them. */
export async function listDatasets(teamId: string, role: Role): Promise<DatasetSummary[]> {
  const rows = await db().dataset.findMany({ where: { teamId }, select: DATASET_SELECT, orderBy: { updatedAt: 'desc' } });
  return rows.map((row) => toDatasetSummary(row, role));
}
