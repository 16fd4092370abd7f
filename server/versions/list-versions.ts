import { db } from '@/server/db/client';
import type { VersionMeta } from '@/server/versions/schemas';
import { toMeta, VERSION_META_SELECT } from '@/server/versions/version-meta';

/** A project's history, newest first. */
export async function listVersions(
  projectId: string,
  opts: { limit: number; before?: number },
): Promise<{ headNumber: number | null; versions: VersionMeta[] }> {
  const [project, rows] = await Promise.all([
    db().project.findUniqueOrThrow({ where: { id: projectId }, select: { headNumber: true } }),
    db().version.findMany({
      where: { projectId, ...(opts.before ? { number: { lt: opts.before } } : {}) },
      select: VERSION_META_SELECT,
      orderBy: { number: 'desc' },
      take: opts.limit,
    }),
  ]);
  return { headNumber: project.headNumber, versions: rows.map(toMeta) };
}
