import { db } from '@/server/db/client';
import { projectSummary } from '@/server/projects/project-summary';
import type { ProjectSummary } from '@/server/projects/schemas';

/** Renames, re-describes or moves a project (who may: `projectChangeAccess`). */
export async function updateProject(
  userId: string,
  projectId: string,
  input: { name?: string; description?: string; teamId?: string },
): Promise<ProjectSummary> {
  await db().project.update({
    where: { id: projectId },
    data: { name: input.name, description: input.description, teamId: input.teamId },
  });
  return projectSummary(userId, projectId);
}
