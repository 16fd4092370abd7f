import type * as tfjs from '@tensorflow/tfjs';
import type { Diagnostic } from '../diagnostics';
import { cutAfter } from '../graph/cut-after';
import type { GraphDoc } from '../graph/schema';
import { importModel } from '../import/import-model';
import { type PackedWeights, packWeights } from '../train/packed-weights';
import type { GalleryCard, GalleryVariant } from './card';

export type OpenedGalleryGraph =
  | {
      ok: true;
      doc: GraphDoc;
      /** The variant's weights, checked against its compiled graph, with the node of each layer. */
      weights: PackedWeights;
    }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * A gallery model as a graph with its weights: imports the model.json with the existing TF.js import,
 * cuts it after the variant's layer, compiles the result, loads the pretrained weights into it (every
 * weight must match by name and shape) and saves them back in TF.js's format, so what is stored is
 * exactly what the graph needs. Tensors are disposed before returning.
 */
export async function openGalleryGraph(
  tf: typeof tfjs,
  card: Pick<GalleryCard, 'title'>,
  variant: GalleryVariant,
  files: { modelJson: unknown; weights: Uint8Array },
): Promise<OpenedGalleryGraph> {
  const imported = await importModel(tf, files.modelJson, { readFile: async () => files.weights, name: card.title });
  if (!imported.ok || !imported.doc || !imported.weights) {
    disposeAll(imported.weights);
    return {
      ok: false,
      diagnostics: imported.diagnostics.length > 0 ? imported.diagnostics : [failure('The gallery model has no weights.')],
    };
  }
  const cut = variant.cutAfter ? cutAfter(imported.doc, variant.cutAfter) : imported.doc;
  if (!cut) {
    disposeAll(imported.weights);
    return { ok: false, diagnostics: [failure(`The gallery model has no layer "${variant.cutAfter}" to cut after.`)] };
  }
  const doc: GraphDoc = {
    ...cut,
    name: variant.cutAfter ? `${card.title} — ${variant.label}` : card.title,
    // Every gallery model takes images of its card's size, scaled 0–1 like every image dataset here:
    // a dataset of other sizes or of grey images is resized to it, so the pretrained weights still fit.
    // A backbone gets a new head, which trains from scratch: the file's own settings were the last
    // step of someone else's fine-tuning (MobileNetV2's: sgd at 9e-7, which would leave a new head as
    // it started), so a cut model starts from the usual Adam at 0.001.
    training: { ...cut.training, ...(variant.cutAfter ? { optimizer: 'adam' as const, learningRate: 0.001 } : {}), fitImages: true },
  };
  try {
    const packed = await packWeights(tf, doc, imported.weights);
    return packed.ok ? { ok: true, doc, weights: packed.weights } : { ok: false, diagnostics: packed.diagnostics };
  } finally {
    disposeAll(imported.weights);
  }
}

function failure(message: string): Diagnostic {
  return { code: 'import_failed', severity: 'error', message };
}

function disposeAll(tensors: tfjs.NamedTensorMap | undefined): void {
  const seen = new Set<tfjs.Tensor>();
  for (const t of Object.values(tensors ?? {})) {
    if (seen.has(t)) continue;
    seen.add(t);
    if (!t.isDisposed) t.dispose();
  }
}
