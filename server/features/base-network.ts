import type * as tfjs from '@tensorflow/tfjs';
import { assignWeights } from '@/engine/compile/assign-weights';
import { compileGraph } from '@/engine/compile/compile';
import type { GraphDoc } from '@/engine/graph/schema';
import { loadWeightsByNode } from '@/engine/train/node-weights';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { db } from '@/server/db/client';
import { runSavedWeights } from '@/server/training/run-weights';
import { getVersion } from '@/server/versions/get-version';

/** A version's network compiled with the weights it computes features with. */
export interface BaseNetwork {
  doc: GraphDoc;
  network: tfjs.LayersModel;
  layerNames: Map<string, string>;
}

/** Why a base network cannot be had; the caller turns it into a failed run or a 400. */
export class BaseNetworkProblem extends Error {
  override name = 'BaseNetworkProblem';
}

/**
 * Compiles version `versionNumber` of a project and loads the weights the features come from: the
 * trained weights of run `baseRunId` (by node id, as "continue training" does), or else the weights
 * stored with the version (a gallery model's). A design with neither would give features of random
 * weights, which is refused.
 */
export async function baseNetwork(
  tf: typeof tfjs,
  args: { projectId: string; versionNumber: number; baseRunId: string | null },
): Promise<BaseNetwork> {
  const version = await getVersion(args.projectId, args.versionNumber).catch(() => {
    throw new BaseNetworkProblem(`Version ${args.versionNumber} of the project no longer exists.`);
  });
  const compiled = compileGraph(tf, version.graph);
  if (!compiled.ok) {
    throw new BaseNetworkProblem(`Version ${args.versionNumber} has errors: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
  }
  const { model, layerNames } = compiled;
  try {
    if (args.baseRunId) await loadRunWeights(tf, model, layerNames, args.baseRunId);
    else await loadVersionWeights(tf, model, args.projectId, args.versionNumber);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { doc: version.graph, network: model, layerNames };
}

async function loadRunWeights(tf: typeof tfjs, model: tfjs.LayersModel, layerNames: Map<string, string>, runId: string) {
  const saved = await runSavedWeights(tf, runId).catch(() => {
    throw new BaseNetworkProblem('The run to take the network from has no trained weights.');
  });
  try {
    const plan = loadWeightsByNode(model, layerNames, saved, 'matching');
    if (plan.problem) throw new BaseNetworkProblem(`The run's weights do not fit this version: ${plan.problem}`);
  } finally {
    tf.dispose(Object.values(saved.tensors));
  }
}

async function loadVersionWeights(tf: typeof tfjs, model: tfjs.LayersModel, projectId: string, versionNumber: number) {
  const stored = await db().versionWeights.findFirst({
    where: { version: { projectId, number: versionNumber } },
    select: { blobHash: true, weightSpecs: true },
  });
  if (!stored) {
    throw new BaseNetworkProblem(
      `Version ${versionNumber} has no weights of its own: pick a gallery model's version, or a finished run to take the network from.`,
    );
  }
  const bytes = await readBlobBytes(stored.blobHash);
  const named = tf.io.decodeWeights(bytes.slice().buffer, stored.weightSpecs as unknown as tfjs.io.WeightsManifestEntry[]);
  try {
    const assigned = assignWeights(model, named);
    if (!assigned.ok) throw new BaseNetworkProblem(`The version's weights do not fit its graph: ${assigned.diagnostics[0]?.message}`);
  } finally {
    tf.dispose(Object.values(named));
  }
}
