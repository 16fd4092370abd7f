import { db } from '@/server/db/client';
import { teamAccess } from '@/server/permissions';
import { projectSummary } from '@/server/projects/project-summary';
import type { ProjectSummary } from '@/server/projects/schemas';

/** Renames, re-describes or moves a project. Moving needs editor rights in the destination team too. */
export async function updateProject(
  userId: string,
  projectId: string,
  input: { name?: string; description?: string; teamId?: string },
): Promise<ProjectSummary> {
  if (input.teamId) await teamAccess(userId, input.teamId, 'editor');
  await db().project.update({
    where: { id: projectId },
    data: { name: input.name, description: input.description, teamId: input.teamId },
  });
  return projectSummary(userId, projectId);
}
