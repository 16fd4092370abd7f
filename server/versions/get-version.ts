import { parseGraph } from '@/engine/graph/parse';
import { db } from '@/server/db/client';
import { ApiError, notFound } from '@/server/http/errors';
import type { Version } from '@/server/versions/schemas';
import { toMeta, VERSION_META_SELECT } from '@/server/versions/version-meta';

/** One version with its graph, read back through the engine's strict parser. `head` means the newest. */
export async function getVersion(projectId: string, number: number | 'head'): Promise<Version> {
  let n = number;
  if (n === 'head') {
    const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { headNumber: true } });
    if (project.headNumber === null) throw new ApiError('not_found', 'This project has no saved versions yet.');
    n = project.headNumber;
  }
  const row = await db().version.findUnique({
    where: { projectId_number: { projectId, number: n } },
    select: { ...VERSION_META_SELECT, content: { select: { doc: true } } },
  });
  if (!row) throw notFound(`Version ${n}`);
  const parsed = parseGraph(row.content.doc);
  if (!parsed.ok) {
    throw new ApiError('internal', `Version ${n} holds a graph this build cannot read.`, { diagnostics: parsed.diagnostics });
  }
  const { content: _content, ...meta } = row;
  return { ...toMeta(meta), graph: parsed.doc };
}
