import type { Role } from '@/prisma/generated/enums';
import { db } from '@/server/db/client';
import { PROJECT_SELECT, toSummary } from '@/server/projects/project-summary';
import type { ProjectSummary } from '@/server/projects/schemas';

/** A team's projects, most recently changed first. */
export async function listProjects(teamId: string, role: Role): Promise<ProjectSummary[]> {
  const rows = await db().project.findMany({ where: { teamId }, select: PROJECT_SELECT, orderBy: { updatedAt: 'desc' } });
  return rows.map((row) => toSummary(row, role));
}
