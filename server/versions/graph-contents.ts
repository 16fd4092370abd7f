import type { Tx } from '@/server/db/client';

/**
 * Graph contents are stored once per hash and shared by every version with that graph, across
 * projects and teams. Deleting a project releases the contents no version uses any more; the locks
 * below keep that from racing a save or a fork that is about to use the same content:
 *
 *   - a transaction that will point a version at a content first holds it (FOR KEY SHARE), and
 *     stores it again if a release removed it in the meantime;
 *   - a release deletes only contents nobody holds (FOR UPDATE SKIP LOCKED conflicts with the hold),
 *     so it never waits on, nor fails because of, a save in flight.
 */

/** Stores a content unless present, and holds it until the transaction ends. */
export async function holdContent(tx: Tx, hash: string, json: string, size: number): Promise<void> {
  // Two rounds at most: a release can only remove a row nobody holds, and once stored here it is ours.
  for (let round = 0; round < 2; round++) {
    // The canonical text as it is: it was validated and hashed already, and a jsonb conversion
    // would make PostgreSQL parse the whole document once more (the bulk of a large save).
    const inserted =
      await tx.$executeRaw`INSERT INTO "graph_content" ("hash", "doc", "size") VALUES (${hash}, ${json}, ${size}) ON CONFLICT ("hash") DO NOTHING`;
    // A row this transaction inserted is invisible to any release until commit: it is held already.
    if (inserted === 1) return;
    const held = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "graph_content" WHERE "hash" = ${hash} FOR KEY SHARE`;
    if (held.length === 1) return;
  }
  throw new Error(`graph content ${hash} could not be stored`);
}

/** Holds contents that already exist; `false` when one of them is gone. */
export async function holdContents(tx: Tx, hashes: string[]): Promise<boolean> {
  const wanted = [...new Set(hashes)];
  if (wanted.length === 0) return true;
  const held = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "graph_content" WHERE "hash" = ANY(${wanted}) FOR KEY SHARE`;
  return held.length === wanted.length;
}

/** Deletes those of `hashes` that no version uses and no other transaction holds; returns how many. */
export async function releaseContents(tx: Tx, hashes: string[]): Promise<number> {
  const candidates = [...new Set(hashes)];
  if (candidates.length === 0) return 0;
  return tx.$executeRaw`
    DELETE FROM "graph_content" WHERE "hash" IN (
      SELECT c."hash" FROM "graph_content" c
      WHERE c."hash" = ANY(${candidates})
        AND NOT EXISTS (SELECT 1 FROM "version" v WHERE v."contentHash" = c."hash")
      FOR UPDATE SKIP LOCKED
    )`;
}

/** The distinct content hashes of some projects' versions. */
export async function contentsOfProjects(tx: Tx, projectIds: string[]): Promise<string[]> {
  if (projectIds.length === 0) return [];
  const rows = await tx.version.findMany({
    where: { projectId: { in: projectIds } },
    select: { contentHash: true },
    distinct: ['contentHash'],
  });
  return rows.map((r) => r.contentHash);
}
