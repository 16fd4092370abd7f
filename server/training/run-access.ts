import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import { projectAccess, type Role } from '@/server/permissions';

/**
 * The caller's access to a run, through the project that holds it: a run of a project you cannot
 * see is "not found", one you may only view refuses changes (403).
 */
export async function runAccess(userId: string, runId: string, needed: Role): Promise<{ runId: string; projectId: string; role: Role }> {
  const run = await db().trainingRun.findUnique({ where: { id: runId }, select: { projectId: true } });
  if (!run) throw notFound('The run');
  try {
    const access = await projectAccess(userId, run.projectId, needed);
    return { runId, projectId: run.projectId, role: access.role };
  } catch (error) {
    // Hide the project behind the run: "the run was not found", not "the project".
    if ((error as { code?: string }).code === 'not_found') throw notFound('The run');
    throw error;
  }
}
