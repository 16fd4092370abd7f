import type { Diagnostic } from '@/engine/diagnostics';
import { applyChanges, ChangeError } from '@/engine/graph/apply-changes';
import type { Change } from '@/engine/graph/changes';
import type { IndexedGraph } from '@/engine/graph/indexed-graph';
import { parseGraphAgainst } from '@/engine/graph/parse-against';
import { db } from '@/server/db/client';
import { type ApiError, badRequest } from '@/server/http/errors';
import { hashOfJson } from '@/server/versions/content-hash';
import { versionGraph } from '@/server/versions/parent-graph';
import { conflict } from '@/server/versions/save-conflict';

/** A graph that the engine refused: 400 with its diagnostics (which node, which field, what was expected). */
export function invalidGraph(diagnostics: Diagnostic[]): ApiError {
  return badRequest('The graph document is not valid.', { diagnostics });
}

/**
 * The graph of a save that sends changes: the parent's graph with the changes applied, validated
 * against the parent (only what the changes touch goes through the schema, parse-against.ts), and
 * held to the hash the client computed of its own document — so the version stored is exactly the
 * one on the client's screen. A client whose copy of the parent differs (a peer's save it had not
 * seen, say) is told to send the whole graph; nothing is stored.
 */
export async function graphFromChanges(input: {
  projectId: string;
  parent: number | null;
  changes: Change[];
  graphHash?: string;
}): Promise<{ graph: IndexedGraph; hash: string }> {
  const { projectId, parent: number } = input;
  if (number === null) throw badRequest('Changes apply to a parent version: give its number.');
  const parent = await versionGraph(projectId, number);
  // A parent the project does not have is not its head either: the same 409 as a stale parent.
  if (!parent) throw await conflict(db(), projectId, number);
  let doc: ReturnType<typeof applyChanges>;
  try {
    doc = applyChanges(parent.doc, input.changes);
  } catch (error) {
    if (error instanceof ChangeError) {
      throw badRequest(`${error.message} The changes do not fit version ${number}.`, { change: error.index });
    }
    throw error;
  }
  const parsed = parseGraphAgainst(doc, parent);
  if (!parsed.ok) throw invalidGraph(parsed.diagnostics);
  const hash = hashOfJson(parsed.graph.json);
  if (hash !== input.graphHash) {
    throw badRequest(
      `These changes, applied to version ${number} as saved, do not give the graph you have: your copy of version ${number} differs from it. Send the whole graph instead.`,
      { resend: 'graph', expected: input.graphHash, got: hash },
    );
  }
  return { graph: parsed.graph, hash };
}
