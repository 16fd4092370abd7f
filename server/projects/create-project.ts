import { db } from '@/server/db/client';
import { projectSummary } from '@/server/projects/project-summary';
import type { ProjectSummary } from '@/server/projects/schemas';

/** A new, empty project (no versions yet) in a team. */
export async function createProject(userId: string, teamId: string, input: { name: string; description: string }): Promise<ProjectSummary> {
  const project = await db().project.create({ data: { teamId, name: input.name, description: input.description } });
  return projectSummary(userId, project.id);
}
