import { db } from '@/server/db/client';

/** Deletes a project and its versions. Graph contents stay: other versions may share them. */
export async function deleteProject(projectId: string): Promise<void> {
  await db().project.delete({ where: { id: projectId } });
}
