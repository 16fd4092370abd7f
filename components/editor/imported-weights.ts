import type * as tfjs from '@tensorflow/tfjs';
import type { EditorStore } from './store';

/**
 * The weights of the last model imported into an editor, kept in memory (not in the document) so
 * that an ONNX export of the imported design carries them. They are keyed by TF.js layer name; once
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
