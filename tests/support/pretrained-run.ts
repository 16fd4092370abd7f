import { nodeTf } from '../../engine/backends/node-tf';
import { assignWeights } from '../../engine/compile/assign-weights';
import { compileGraph } from '../../engine/compile/compile';
import { tfjsArtifacts } from '../../engine/export/tfjs-artifacts';
import { galleryEntry } from '../../engine/gallery/catalog';
import { openGalleryGraph } from '../../engine/gallery/open-gallery-graph';
import type { GraphDoc } from '../../engine/graph/schema';
import { galleryFiles } from '../../server/gallery/read-gallery-files';

/**
 * What a page sends when it finishes a run, for a run whose weights are a gallery model's own
 * (a trained network without spending minutes training one in a test): the weights.bin bytes, the
 * model topology and the weight specs, as `tfjsArtifacts` writes them after training.
 */
export async function pretrainedRunResult(modelId: string): Promise<{
  doc: GraphDoc;
  bytes: Uint8Array;
  modelTopology: Record<string, unknown>;
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
}> {
  const tf = await nodeTf();
  const entry = galleryEntry(modelId);
  if (!entry) throw new Error(`no gallery model ${modelId}`);
  const opened = await openGalleryGraph(
    tf,
    entry.card,
    entry.card.variants.find((v) => v.id === 'full') ?? entry.card.variants[0]!,
    await galleryFiles(entry),
  );
  if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
  const compiled = compileGraph(tf, opened.doc);
  if (!compiled.ok) throw new Error('the gallery graph does not compile');
  const named = tf.io.decodeWeights(opened.weights.data.slice().buffer, opened.weights.specs);
  if (!assignWeights(compiled.model, named).ok) throw new Error('the gallery weights do not fit');
  const artifacts = await tfjsArtifacts(tf, compiled.model);
  tf.dispose(Object.values(named));
  compiled.model.dispose();
  const json = artifacts['model.json'] as {
    modelTopology: Record<string, unknown>;
    weightsManifest: { weights: { name: string; shape: number[]; dtype: string }[] }[];
  };
  return {
    doc: opened.doc,
    bytes: artifacts['weights.bin'],
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest[0]?.weights ?? [],
  };
}
