import { sql } from '@/server/db/sql';
import { ApiError, notFound } from '@/server/http/errors';
import { loadIndexedContent } from '@/server/versions/load-content';
import type { Version } from '@/server/versions/schemas';
import { rememberVersionHash } from '@/server/versions/version-hashes';
import { metaOfRow, VERSION_META_COLUMNS, type VersionMetaRow } from '@/server/versions/version-meta';

/**
 * One version with its graph, read back through the engine's strict parser (once per distinct
 * content, see content-cache.ts). `head` means the newest.
 */
export async function getVersion(projectId: string, number: number | 'head'): Promise<Version> {
  // The head is the newest version: a save appends parent + 1 only while its parent is the head
  // (save-version.ts), and versions are never removed one by one, so one statement finds it.
  const [row] =
    number === 'head'
      ? await sql<VersionMetaRow>(
          `SELECT ${VERSION_META_COLUMNS} FROM "version" v LEFT JOIN "user" u ON u."id" = v."authorId"
             WHERE v."projectId" = $1 ORDER BY v."number" DESC LIMIT 1`,
          [projectId],
        )
      : await sql<VersionMetaRow>(
          `SELECT ${VERSION_META_COLUMNS} FROM "version" v LEFT JOIN "user" u ON u."id" = v."authorId"
             WHERE v."projectId" = $1 AND v."number" = $2`,
          [projectId, number],
        );
  if (!row) throw number === 'head' ? new ApiError('not_found', 'This project has no saved versions yet.') : notFound(`Version ${number}`);
  const { doc: graph } = await loadIndexedContent(row.contentHash, row.number);
  rememberVersionHash(projectId, row.number, row.contentHash);
  return { ...metaOfRow(row), graph };
}
