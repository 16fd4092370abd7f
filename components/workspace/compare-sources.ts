import { browserImportDeps } from '@/components/editor/browser-import-deps';
import type { ModelFile } from '@/components/editor/import-model-files';
import type { ComparedModel } from '@/engine/compare/compare-models';
import { nodeWeightsFromPacked, type PackedWeightsLike } from '@/engine/compare/node-weights';
import type { GraphDoc } from '@/engine/graph/schema';

/** One side of a comparison in the Design tab: the model, and what the canvas and the list call it. */
export interface CompareSide {
  label: string;
  model: ComparedModel;
}

export type LoadedSide = { ok: true; side: CompareSide } | { ok: false; message: string };

/**
 * Imports picked files (a model file and whatever goes with it: weight shards, a `.caffemodel`) in the
 * browser, as the editor's Import does, and keeps the weights by node for the comparison. Nothing
 * is sent anywhere.
 */
export async function sideFromFiles(files: readonly ModelFile[]): Promise<LoadedSide> {
  const { importModelFiles } = await import('@/components/editor/import-model-files');
  const result = await importModelFiles(files, await browserImportDeps());
  if (!result.ok) return { ok: false, message: result.message };
  // The tensors kept for exports are not needed here: the packed copy holds the same values.
  for (const tensor of Object.values(result.weights ?? {})) tensor.dispose();
  const model: ComparedModel = { doc: result.doc, ...(result.packed ? { weights: nodeWeightsFromPacked(result.packed) } : {}) };
  return { ok: true, side: { label: result.outcome.fileName, model } };
}

/** The design (or a version) as a side, with its stored weights when it has them. */
export function sideFromDesign(label: string, doc: GraphDoc, weights: PackedWeightsLike | null | undefined): CompareSide {
  return { label, model: { doc, ...(weights ? { weights: nodeWeightsFromPacked(weights) } : {}) } };
}
