import { templateGraph } from '@/engine/templates';
import { db } from '@/server/db/client';
import { badRequest } from '@/server/http/errors';
import { projectSummary } from '@/server/projects/project-summary';
import type { ProjectSummary } from '@/server/projects/schemas';
import { saveVersion } from '@/server/versions/save-version';

/** A new project in a team: empty (no versions yet), or starting from a template as version 1. */
export async function createProject(
  userId: string,
  teamId: string,
  input: { name: string; description: string; template?: string },
): Promise<ProjectSummary> {
  const graph = input.template ? templateGraph(input.template) : undefined;
  if (input.template && !graph) throw badRequest(`There is no template called "${input.template}".`);
  const project = await db().project.create({ data: { teamId, name: input.name, description: input.description } });
  if (graph) {
    await saveVersion({
      projectId: project.id,
      authorId: userId,
      parent: null,
      message: `Start from the ${input.template} template`,
      graph,
    });
  }
  return projectSummary(userId, project.id);
}
