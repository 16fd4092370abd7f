import { diffGraphs, type GraphDiff } from '@/engine/graph/diff';
import { getVersion } from '@/server/versions/get-version';

/** The semantic difference between two versions of a project (see engine/graph/diff.ts). */
export async function diffVersions(projectId: string, from: number, to: number): Promise<{ from: number; to: number; diff: GraphDiff }> {
  const [a, b] = await Promise.all([getVersion(projectId, from), getVersion(projectId, to)]);
  return { from, to, diff: diffGraphs(a.graph, b.graph) };
}
