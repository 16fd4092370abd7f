import type { Tx } from '@/server/db/client';

/**
 * Graph contents are stored once per hash and shared by every version with that graph, across
 * projects and teams. Deleting a project releases the contents no version uses any more; the locks
 * below keep that from racing a save or a fork that is about to use the same content:
 *
 *   - a statement that points a version at a content holds it (the version's foreign key takes a
 *     FOR KEY SHARE lock on it; a fork holds its contents explicitly), and a save stores it again
 *     when a release removed it in the meantime (insert-version.ts);
 *   - a release deletes only contents nobody holds (FOR UPDATE SKIP LOCKED conflicts with the hold),
 *     so it never waits on, nor fails because of, a save in flight.
 */

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
