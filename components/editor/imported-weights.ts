import type * as tfjs from '@tensorflow/tfjs';
import type { PackedWeights } from '@/engine/train/packed-weights';
import type { EditorStore } from './store';

/**
 * The weights of the last model imported into an editor, kept in memory (not in the document) so
 * that an ONNX export of the imported design carries them, and packed until they are saved. They are keyed by TF.js layer name; once
 * the design no longer fits them, the export says so and uses initialised weights.
 */
const held = new WeakMap<EditorStore, tfjs.NamedTensorMap>();

export function setImportedWeights(store: EditorStore, weights: tfjs.NamedTensorMap | undefined): void {
  const previous = held.get(store);
  if (previous && previous !== weights) for (const t of Object.values(previous)) t.dispose();
  if (weights) held.set(store, weights);
  else held.delete(store);
}

export function importedWeights(store: EditorStore): tfjs.NamedTensorMap | undefined {
  return held.get(store);
}

/** Packed weights waiting to be stored with the next saved version, with where they come from. */
export type PendingWeights = PackedWeights & { source: string };

const pending = new WeakMap<EditorStore, PendingWeights>();

/**
 * Holds an import's packed weights until the design is saved (see ProjectWorkspace): they are then
 * uploaded to that version, which carries them on by node id. A template or a new import drops them.
 */
export function setPendingWeights(store: EditorStore, weights: PendingWeights | undefined): void {
  if (weights) pending.set(store, weights);
  else pending.delete(store);
}

export function pendingWeights(store: EditorStore): PendingWeights | undefined {
  return pending.get(store);
}

const sources = new WeakMap<EditorStore, () => Promise<PackedWeights | null>>();

/** Where the design's saved weights are read from (the workspace: the version being edited). */
export function setDesignWeightsSource(store: EditorStore, source: (() => Promise<PackedWeights | null>) | undefined): void {
  if (source) sources.set(store, source);
  else sources.delete(store);
}

/** The design's weights for an export: an import's waiting for the save, else the saved version's, else none. */
export async function designWeights(store: EditorStore): Promise<PackedWeights | null> {
  return pending.get(store) ?? (await sources.get(store)?.()) ?? null;
}
