import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import { projectSummary } from '@/server/projects/project-summary';
import type { ProjectSummary } from '@/server/projects/schemas';
import { holdContents } from '@/server/versions/graph-contents';

/**
 * Forks a project: a new project (in the same team, or another one the caller can edit: `forkAccess`)
 * with the whole version history. Contents are shared by hash, so nothing large is copied.
 */
export async function duplicateProject(
  userId: string,
  projectId: string,
  input: { teamId?: string; name?: string },
): Promise<ProjectSummary> {
  const source = await db().project.findUniqueOrThrow({ where: { id: projectId } });
  const teamId = input.teamId ?? source.teamId;
  const copy = await db().$transaction(async (tx) => {
    // Read the head and the versions up to it together, so a save racing the fork cannot split them.
    const head = (await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { headNumber: true } })).headNumber;
    const versions = await tx.version.findMany({ where: { projectId, number: { lte: head ?? 0 } }, orderBy: { number: 'asc' } });
    // The copies point at the same contents: hold them, so deleting the source meanwhile cannot release them.
    const contents = versions.map((v) => v.contentHash);
    if (!(await holdContents(tx, contents))) throw notFound('The project');
    const project = await tx.project.create({
      data: {
        teamId,
        name: input.name ?? `${source.name} (copy)`,
        description: source.description,
        headNumber: head,
        forkedFromId: source.id,
        forkedFromNumber: head,
      },
    });
    if (versions.length > 0) {
      await tx.version.createMany({
        data: versions.map(({ id: _id, projectId: _p, ...v }) => ({ ...v, projectId: project.id })),
      });
    }
    return project;
  });
  return projectSummary(userId, copy.id);
}
