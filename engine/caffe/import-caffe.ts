import type { Diagnostic } from '../diagnostics';
import { type NetworkImport, networkToDesign } from '../onnx/import/import-onnx';
import { caffeOpGraph } from './caffe-graph';
import { readCaffeNet } from './caffe-net';
import { readCaffeModel } from './caffe-schema';

/**
 * Reads a Caffe net — its `deploy.prototxt` and, when given, the `.caffemodel` with its trained
 * blobs — into a design. Layers map through the ONNX importer (Convolution → Conv2D, InnerProduct →
 * Flatten + Dense, BatchNorm + Scale → BatchNormalization, …); those TF.js lacks (LRN, grouped
 * convolutions) become placeholders that say what to use instead. Needs no TF.js. Never throws.
 *
 * @example
 * const imported = importCaffe(readFileSync('deploy.prototxt', 'utf8'), new Uint8Array(readFileSync('net.caffemodel')));
 */
export function importCaffe(prototxt: string, caffemodel?: Uint8Array, options: { name?: string } = {}): NetworkImport {
  const read = readCaffeNet(prototxt);
  if (!read.ok)
    return { ok: false, notes: [], unreadable: true, diagnostics: [{ code: 'import_failed', severity: 'error', message: read.message }] };
  const diagnostics: Diagnostic[] = [];
  let blobs: Map<string, import('./caffe-schema').CaffeBlob[]> | undefined;
  if (caffemodel) {
    const weights = readCaffeModel(caffemodel);
    if (weights.ok) blobs = weights.layers;
    else
      diagnostics.push({
        code: 'weights_mismatch',
        severity: 'warning',
        message: weights.message,
        hint: 'The architecture is imported without weights.',
      });
  }
  const { graph, missing } = caffeOpGraph(read.net, blobs);
  const imported = networkToDesign(graph, 'Caffe', options.name, [
    {
      code: 'unsupported_feature',
      severity: 'info',
      message: `Caffe net${read.net.name ? ` "${read.net.name}"` : ''}${blobs ? ', with the weights of its .caffemodel' : ', without weights (no .caffemodel)'}.`,
    },
    ...diagnostics,
  ]);
  if (missing.size > 0) {
    imported.diagnostics.push({
      code: 'weights_mismatch',
      severity: 'warning',
      message: `The .caffemodel has no weights for ${[...missing].slice(0, 5).join(', ')}${missing.size > 5 ? ', …' : ''}; they start from zero.`,
      hint: 'The .caffemodel may belong to another version of this net.',
    });
  }
  return imported;
}
