import type * as tfjs from '@tensorflow/tfjs';
import { assignWeights } from '../compile/assign-weights';
import { compileGraph } from '../compile/compile';
import type { Diagnostic } from '../diagnostics';
import { tfjsArtifacts } from '../export/tfjs-artifacts';
import type { GraphDoc } from '../graph/schema';
import { layerNodesOf, type SavedWeights } from './node-weights';

/**
 * A design's weights at rest: one TF.js `weights.bin`, its manifest entries in the bytes' order, and
 * the node each TF.js layer name came from. The node ids are the weights' identity, so the layer
 * names inside `specs` may be those of an older version of the design.
 */
export interface PackedWeights {
  data: Uint8Array;
  specs: tfjs.io.WeightsManifestEntry[];
  /** TF.js layer name (as in `specs`) → node id. */
  layerNodes: Record<string, string>;
}

export type PackResult = { ok: true; weights: PackedWeights } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Packs named weights (as an import reads them: `layer/kernel`) for a design: compiles the design,
 * loads every weight by name and shape (nothing partial), and saves them back in TF.js's format with
 * the node of each layer. What is packed is exactly what the design needs. The caller keeps `named`.
 *
 * @example
 * const packed = await packWeights(tf, imported.doc, imported.weights);
 * if (packed.ok) upload(encodeWeightsBundle({ ...packed.weights, source: 'import:model.h5' }));
 */
export async function packWeights(tf: typeof tfjs, doc: GraphDoc, named: tfjs.NamedTensorMap): Promise<PackResult> {
  const compiled = compileGraph(tf, doc);
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  try {
    const assigned = assignWeights(compiled.model, named);
    if (!assigned.ok) return { ok: false, diagnostics: assigned.diagnostics };
    const artifacts = await tfjsArtifacts(tf, compiled.model);
    const manifest = artifacts['model.json'].weightsManifest as { weights: tfjs.io.WeightsManifestEntry[] }[];
    return {
      ok: true,
      weights: { data: artifacts['weights.bin'], specs: manifest[0]?.weights ?? [], layerNodes: layerNodesOf(compiled.layerNames) },
    };
  } finally {
    compiled.model.dispose();
  }
}

/** Packed weights as tensors by node, ready for `loadWeightsByNode` (the caller disposes the tensors). */
export function unpackWeights(tf: typeof tfjs, packed: PackedWeights): SavedWeights {
  const bytes = packed.data.slice().buffer as ArrayBuffer;
  return { tensors: tf.io.decodeWeights(bytes, packed.specs), layerNodes: packed.layerNodes };
}

/** How many bytes the manifest entries describe (what a weights.bin for them must hold). */
export function bytesOfSpecs(specs: readonly { shape: number[]; dtype: string }[]): number {
  return specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * (s.dtype === 'bool' ? 1 : 4), 0);
}
