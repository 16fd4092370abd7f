import { access, readFile } from 'node:fs/promises';
import type * as tfjs from '@tensorflow/tfjs';
import { importCaffe } from '../engine/caffe/import-caffe';
import type { Diagnostic } from '../engine/diagnostics';
import { parseGraph } from '../engine/graph/parse';
import type { GraphDoc } from '../engine/graph/schema';
import { importKerasH5, importModel, importTopology, type TopologyImport } from '../engine/import/import-model';
import { isZip } from '../engine/import/keras-archive';
import { isWeightsManifest, loadWeights } from '../engine/import/weights';
import { importOnnx } from '../engine/onnx/import/import-onnx';
import { looksLikeOnnx } from '../engine/onnx/import/read-onnx';
import { TEMPLATE_NAMES, templateGraph } from '../engine/templates';
import { UsageError } from './errors';
import { caffemodelFor, readModelFile, weightReaderFor } from './files';

export interface LoadedGraph {
  doc: GraphDoc;
  /** Problems from reading or importing the file (the analysis adds its own). */
  diagnostics: Diagnostic[];
  kind: string;
}

/** `graph.json` → `graph.weights.json`, the weights file written beside it by `import` or `train`. */
export function weightsPathFor(graphPath: string): string {
  return graphPath.replace(/(\.json)?$/i, '.weights.json');
}

/**
 * Reads a GRAPH argument: a NetCanvas graph file, any model file `import` understands (imported on
 * the fly, Keras .h5, ONNX and Caffe .prototxt files included), or `template:NAME`. Unreadable input is a UsageError (exit 2);
 * model problems are returned.
 */
export async function loadGraph(arg: string): Promise<LoadedGraph> {
  if (arg.startsWith('template:')) {
    const name = arg.slice('template:'.length);
    const doc = templateGraph(name);
    if (!doc) throw new UsageError(`unknown template "${name}"; available: ${TEMPLATE_NAMES.join(', ')}`);
    return { doc, diagnostics: [], kind: 'template' };
  }
  const json = await readModelFile(arg);
  if (json instanceof Uint8Array && looksLikeOnnx(json)) return loaded(arg, { ...importOnnx(json), kind: 'onnx' });
  if (json instanceof Uint8Array && isZip(json)) return loaded(arg, await importModel(null, json));
  if (json instanceof Uint8Array) return loaded(arg, await importKerasH5(json, { weights: false }));
  if (typeof json === 'string') return loaded(arg, { ...importCaffe(json), kind: 'caffe' });
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'netcanvas.graph') {
    const parsed = parseGraph(json);
    if (!parsed.ok)
      return {
        doc: { format: 'netcanvas.graph', version: 1, nodes: [], edges: [] },
        diagnostics: parsed.diagnostics,
        kind: 'netcanvas-graph',
      };
    return { doc: parsed.doc, diagnostics: [], kind: 'netcanvas-graph' };
  }
  return loaded(arg, importTopology(json));
}

/** A model file that is damaged (rather than readable but not a model) is a usage error, like invalid JSON. */
export function refuseUnreadable(path: string, imported: TopologyImport): void {
  if (!imported.unreadable) return;
  const message = imported.diagnostics[0]?.message ?? 'The file could not be read.';
  throw new UsageError(`${path}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`);
}

/** An imported model file as a GRAPH argument. */
function loaded(path: string, imported: TopologyImport): LoadedGraph {
  refuseUnreadable(path, imported);
  if (!imported.doc)
    return { doc: { format: 'netcanvas.graph', version: 1, nodes: [], edges: [] }, diagnostics: imported.diagnostics, kind: imported.kind };
  return { doc: imported.doc, diagnostics: imported.diagnostics, kind: imported.kind };
}

/**
 * Weights for a GRAPH argument, if it has any: the weights file beside a graph, or the weight files
 * a model.json names. The caller disposes the tensors.
 */
export async function loadGraphWeights(
  tf: typeof tfjs,
  arg: string,
  weightsFile?: string,
): Promise<{ weights?: tfjs.NamedTensorMap; diagnostics: Diagnostic[] }> {
  if (arg.startsWith('template:')) return { diagnostics: [] };
  const sidecar = weightsPathFor(arg);
  if (await exists(sidecar)) {
    const json = JSON.parse(await readFile(sidecar, 'utf8')) as { weightsManifest?: unknown };
    if (!isWeightsManifest(json.weightsManifest)) throw new UsageError(`${sidecar}: not a weights file`);
    const loaded = await loadWeights(tf, json.weightsManifest, weightReaderFor(sidecar));
    return loaded.ok ? { weights: loaded.tensors, diagnostics: [] } : { diagnostics: loaded.diagnostics };
  }
  const json = await readModelFile(arg);
  if ((json as { format?: unknown }).format === 'netcanvas.graph') return { diagnostics: [] };
  const caffemodel = typeof json === 'string' ? await caffemodelFor(arg, weightsFile) : undefined;
  const imported = await importModel(tf, json, { readFile: weightReaderFor(arg), ...(caffemodel ? { caffemodel } : {}) });
  return {
    ...(imported.weights ? { weights: imported.weights } : {}),
    diagnostics: imported.diagnostics.filter((d) => d.code === 'weights_mismatch'),
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
