import { type IndexedGraph, indexGraph } from '@/engine/graph/indexed-graph';
import { parseGraphAgainst } from '@/engine/graph/parse-against';
import type { GraphDoc } from '@/engine/graph/schema';
import { db, type Tx } from '@/server/db/client';
import { ApiError, badRequest } from '@/server/http/errors';
import { cachedIndexedGraph, cacheGraph } from '@/server/versions/content-cache';
import { hashOfJson } from '@/server/versions/content-hash';
import { holdContent } from '@/server/versions/graph-contents';
import type { VersionMeta } from '@/server/versions/schemas';
import { knownVersionHash, rememberVersionHash } from '@/server/versions/version-hashes';
import { toMeta, VERSION_META_SELECT } from '@/server/versions/version-meta';
import { carriedWeights, type NewVersionWeights, writeVersionWeights } from '@/server/weights/carry-weights';

export interface SaveInput {
  projectId: string;
  authorId: string;
  /** The head the client edited; the save is refused (409) when the project has moved on. */
  parent: number | null;
  message: string;
  graph: unknown;
  restoredFrom?: number;
  /**
   * The new version's weights. Left out: it inherits those of the version it was made from (the
   * restored one, else the parent), fitted to its graph by node id (carry-weights.ts); null: none.
   */
  weights?: NewVersionWeights | null;
}

/**
 * Saves a new immutable version in one transaction: validates the graph with the engine, stores
 * its content once under its hash, and appends version parent+1 — but only while `parent` is still
 * the project's head. When this process knows the parent's graph, only the nodes and edges that
 * differ from it are validated and serialized (parse-against.ts): same checks, same messages.
 * A stale parent, or a save that lost a race, is a 409 whose details carry the current head, so
 * the client can keep its document as a draft and save again on top: nothing lost.
 */
export async function saveVersion(input: SaveInput): Promise<VersionMeta> {
  const parsed = parseGraphAgainst(input.graph, parentGraph(input.projectId, input.parent));
  if (!parsed.ok) throw badRequest('The graph document is not valid.', { diagnostics: parsed.diagnostics });
  return storeVersion(input, parsed.graph);
}

/** The parent version's validated graph, when this process has it at hand. */
function parentGraph(projectId: string, parent: number | null): IndexedGraph | undefined {
  const hash = parent === null ? undefined : knownVersionHash(projectId, parent);
  return hash ? cachedIndexedGraph(hash) : undefined;
}

/** Stores a validated graph as version parent+1 (see saveVersion). */
export async function storeVersion(input: SaveInput, graph: GraphDoc | IndexedGraph): Promise<VersionMeta> {
  const indexed = 'json' in graph ? graph : indexGraph(graph);
  const { json } = indexed;
  const hash = hashOfJson(json);
  const number = (input.parent ?? 0) + 1;
  const size = Buffer.byteLength(json);
  const weights =
    input.weights !== undefined
      ? input.weights
      : await carriedWeights(input.projectId, input.restoredFrom ?? input.parent, indexed.doc, hash);
  const saved = await db().$transaction(
    async (tx) => {
      // Compare-and-set on the head: under concurrency exactly one save of the same parent wins.
      const moved = await tx.project.updateMany({
        where: { id: input.projectId, headNumber: input.parent },
        data: { headNumber: number },
      });
      if (moved.count === 0) throw await conflict(tx, input.projectId, input.parent);
      await holdContent(tx, hash, json, size);
      const version = await tx.version.create({
        data: {
          projectId: input.projectId,
          number,
          parentNumber: input.parent,
          message: input.message,
          authorId: input.authorId,
          contentHash: hash,
          restoredFrom: input.restoredFrom ?? null,
        },
        select: { ...VERSION_META_SELECT, id: true },
      });
      if (weights) await writeVersionWeights(tx, version.id, weights);
      return toMeta(version);
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
  cacheGraph(hash, indexed, size);
  rememberVersionHash(input.projectId, saved.number, hash);
  return saved;
}

async function conflict(tx: Tx, projectId: string, parent: number | null): Promise<ApiError> {
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { headNumber: true } });
  if (!project) return new ApiError('not_found', 'The project was not found, or you do not have access to it.');
  const head =
    project.headNumber === null
      ? null
      : await tx.version.findUnique({
          where: { projectId_number: { projectId, number: project.headNumber } },
          select: VERSION_META_SELECT,
        });
  const who = head?.author?.name ?? 'someone';
  return new ApiError(
    'conflict',
    `This project changed while you were editing: version ${head?.number ?? 0} by ${who} is the newest now. Your work is kept as a draft; save it again on top of the newest version.`,
    { head: head ? toMeta(head) : null, yourParent: parent },
  );
}
