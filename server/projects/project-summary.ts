import type { Role } from '@/prisma/generated/enums';
import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import type { ProjectSummary } from '@/server/projects/schemas';

export const PROJECT_SELECT = {
  id: true,
  teamId: true,
  name: true,
  description: true,
  headNumber: true,
  forkedFromNumber: true,
  createdAt: true,
  updatedAt: true,
  team: { select: { name: true } },
  forkedFrom: { select: { id: true, name: true } },
} as const;

type Row = {
  id: string;
  teamId: string;
  name: string;
  description: string;
  headNumber: number | null;
  forkedFromNumber: number | null;
  createdAt: Date;
  updatedAt: Date;
  team: { name: string };
  forkedFrom: { id: string; name: string } | null;
};

export function toSummary(row: Row, role: Role): ProjectSummary {
  return {
    id: row.id,
    teamId: row.teamId,
    teamName: row.team.name,
    name: row.name,
    description: row.description,
    headNumber: row.headNumber,
    forkedFrom: row.forkedFrom ? { ...row.forkedFrom, number: row.forkedFromNumber } : null,
    role,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A project as the given member sees it. */
export async function projectSummary(userId: string, projectId: string): Promise<ProjectSummary> {
  const row = await db().project.findUnique({
    where: { id: projectId },
    select: { ...PROJECT_SELECT, team: { select: { name: true, memberships: { where: { userId }, select: { role: true } } } } },
  });
  const role = row?.team.memberships[0]?.role;
  if (!row || !role) throw notFound('The project');
  return toSummary(row, role);
}
