import { randomUUID } from 'node:crypto';
import { sql } from '@/server/db/sql';
import type { VersionMeta } from '@/server/versions/schemas';
import { metaOfRow, VERSION_META_COLUMNS, type VersionMetaRow } from '@/server/versions/version-meta';
import type { NewVersionWeights } from '@/server/weights/carry-weights';

export interface NewVersion {
  projectId: string;
  /** The head it is saved on; the version is `parent + 1`. */
  parent: number | null;
  message: string;
  authorId: string;
  restoredFrom: number | null;
  /** Its graph: content hash, canonical text and the text's size in bytes. */
  hash: string;
  json: string;
  size: number;
  weights: NewVersionWeights | null;
}

/**
 * Appends version parent+1 in one statement, so one round trip and one commit: moves the project's
 * head from `parent` (compare-and-set: of concurrent saves on one parent exactly one moves it),
 * stores the content unless present, inserts the version and its weights. Null when the head was
 * not `parent`: then nothing was written.
 *
 * The content is held as graph-contents.ts requires: the version's foreign key takes a key-share
 * lock on it, which a release's `FOR UPDATE SKIP LOCKED` skips. A release that got there first
 * makes the key check fail and the whole statement roll back; the second attempt stores it again.
 */
export async function insertVersion(v: NewVersion): Promise<VersionMeta | null> {
  const w = v.weights;
  const values = [
    v.projectId,
    v.parent,
    (v.parent ?? 0) + 1,
    v.hash,
    v.json,
    v.size,
    randomUUID(),
    v.message,
    v.authorId,
    v.restoredFrom,
    w?.blobHash ?? null,
    w ? JSON.stringify(w.specs) : null,
    w ? JSON.stringify(w.layerNodes) : null,
    w?.plan ? JSON.stringify(w.plan) : null,
    w?.source ?? null,
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await sql<VersionMetaRow>(INSERT_VERSION, values);
      return row ? metaOfRow(row) : null;
    } catch (error) {
      if (attempt === 1 && (error as { code?: string }).code === FOREIGN_KEY_VIOLATION) continue;
      throw error;
    }
  }
}

const FOREIGN_KEY_VIOLATION = '23503';
const NOW = `(now() AT TIME ZONE 'UTC')`;

const INSERT_VERSION = `
WITH moved AS (
  UPDATE "project" SET "headNumber" = $3, "updatedAt" = ${NOW}
  WHERE "id" = $1 AND "headNumber" IS NOT DISTINCT FROM $2::integer
  RETURNING "id"
), stored AS (
  INSERT INTO "graph_content" ("hash", "doc", "size") SELECT $4, $5, $6 FROM moved
  ON CONFLICT ("hash") DO NOTHING
), made AS (
  INSERT INTO "version" ("id", "projectId", "number", "parentNumber", "message", "authorId", "contentHash", "restoredFrom", "createdAt")
  SELECT $7, $1, $3, $2::integer, $8, $9, $4, $10::integer, ${NOW} FROM moved
  RETURNING *
), weighted AS (
  INSERT INTO "version_weights" ("versionId", "blobHash", "weightSpecs", "layerNodes", "plan", "source", "createdAt")
  SELECT made."id", $11, $12::jsonb, $13::jsonb, $14::jsonb, $15, ${NOW} FROM made WHERE $11::text IS NOT NULL
)
SELECT ${VERSION_META_COLUMNS} FROM made v LEFT JOIN "user" u ON u."id" = v."authorId"`;
