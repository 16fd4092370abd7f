import { db } from '@/server/db/client';
import { contentsOfProjects, releaseContents } from '@/server/versions/graph-contents';

/** Deletes a project and its versions, and the graph contents no other version shares. */
export async function deleteProject(projectId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const contents = await contentsOfProjects(tx, [projectId]);
    await tx.project.delete({ where: { id: projectId } });
    await releaseContents(tx, contents);
  });
}
