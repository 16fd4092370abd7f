import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../analysis/types';
import { compileGraph } from '../compile/compile';
import type { Diagnostic } from '../diagnostics';
import type { GraphDoc } from '../graph/schema';
import type { WeightLoadPlan } from '../train/load-plan';
import { loadWeightsByNode } from '../train/node-weights';
import { type PackedWeights, unpackWeights } from '../train/packed-weights';
import type { ExportProof } from './proof/proof';
import { proveTfjs } from './proof/prove-tfjs';
import { sampleInputs } from './proof/sample-inputs';
import { type TfjsArtifacts, tfjsArtifacts } from './tfjs-artifacts';

export type TfjsExport =
  | { ok: true; artifacts: TfjsArtifacts; plan: WeightLoadPlan | null; proof?: ExportProof }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * A design as TF.js layers-model files carrying its stored weights: every layer whose node has
 * weights of the right shape gets them (policy `matching`, by node id), the others keep fresh
 * initial weights, and the plan says which is which. Without weights, all layers are initialised.
 * With `prove`, the files are reloaded and their predictions compared with the model's (`proof`).
 *
 * @example
 * const out = await tfjsWithWeights(tf, doc, packed);
 * if (out.ok) await tf.loadLayersModel(tf.io.fromMemory(…out.artifacts…));
 */
export async function tfjsWithWeights(
  tf: typeof tfjs,
  doc: GraphDoc,
  weights: PackedWeights | null,
  analysis?: Analysis,
  options: { prove?: boolean } = {},
): Promise<TfjsExport> {
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  const saved = weights ? unpackWeights(tf, weights) : null;
  try {
    const plan = saved ? loadWeightsByNode(compiled.model, compiled.layerNames, saved, 'matching') : null;
    const artifacts = await tfjsArtifacts(tf, compiled.model);
    if (!options.prove) return { ok: true, artifacts, plan };
    const files = { 'model.json': JSON.stringify(artifacts['model.json']), 'weights.bin': artifacts['weights.bin'] };
    const proof = await proveTfjs(tf, compiled.model, files, sampleInputs(compiled.model));
    return { ok: true, artifacts, plan, proof };
  } finally {
    if (saved) tf.dispose(Object.values(saved.tensors));
    compiled.model.dispose();
  }
}
