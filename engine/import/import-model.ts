import type * as tfjs from '@tensorflow/tfjs';
import { importCaffe } from '../caffe/import-caffe';
import { looksLikePrototxt } from '../caffe/prototxt';
import type { Diagnostic } from '../diagnostics';
import { parseGraph } from '../graph/parse';
import type { GraphDoc } from '../graph/schema';
import { isGraphModelJson } from '../graph-model/graph-model-file';
import type { Tf } from '../layers/spec';
import { importOnnx, type NetworkImport } from '../onnx/import/import-onnx';
import { looksLikeOnnx } from '../onnx/import/read-onnx';
import { buildGraph } from './build-graph';
import { flattenModel } from './flatten-model';
import { importKerasArchive } from './import-keras-archive';
import type { ImportNote } from './import-notes';
import { isZip } from './keras-archive';
import { isHdf5, readKerasH5 } from './keras-h5';
import { kerasH5Weights } from './keras-h5-weights';
import { isKeras1, upgradeKeras1Layer } from './keras1';
import { type ElkLike, elkLayout, layeredLayout } from './layout';
import { decodeModelText, describeBinary, parseModelJson } from './model-text';
import { trainingFromKeras } from './training-config';
import type { NamedWeightArrays } from './weight-arrays';
import { isWeightsManifest, loadWeights, type ReadWeightFile, type WeightsManifestGroup, weightsForGraph } from './weights';

export type ModelFileKind =
  | 'tfjs-layers'
  | 'keras-json'
  | 'keras-h5'
  | 'keras-archive'
  | 'netcanvas-graph'
  | 'tfjs-graph'
  | 'onnx'
  | 'caffe'
  | 'unknown';

export interface TopologyImport {
  ok: boolean;
  kind: ModelFileKind;
  doc?: GraphDoc;
  manifest?: WeightsManifestGroup[];
  kerasVersion?: string;
  /** Problems found while reading the file (the analysis of `doc` adds the shape checks). */
  diagnostics: Diagnostic[];
  /** The bytes are not a readable file of their format (a damaged or truncated HDF5 file), not merely a file without a model. */
  unreadable?: boolean;
  /** For ONNX and Caffe files: what became of each part (exact, approximated, placeholder), for an import report. */
  notes?: ImportNote[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const failure = (kind: ModelFileKind, message: string, hint?: string): TopologyImport => ({
  ok: false,
  kind,
  diagnostics: [{ code: 'import_failed', severity: 'error', message, ...(hint ? { hint } : {}) }],
});

/**
 * Reads a model file's structure — a TF.js `model.json` (layers model, any TF.js or Keras-converter
 * version), a Keras `model.to_json()` file (Keras 1, 2 or 3), or a NetCanvas graph — into a graph
 * document. Layers the catalog lacks become placeholder nodes. Never throws.
 */
export function importTopology(input: unknown, name?: string): TopologyImport {
  let json = input;
  if (typeof input === 'string') {
    const parsed = parseModelJson(input);
    if (!parsed.ok) return failure('unknown', parsed.message, parsed.hint);
    json = parsed.value;
  }
  if (isHdf5(json)) {
    return failure(
      'keras-h5',
      'This is a Keras HDF5 file; it is read (with its weights) by importModel.',
      'Use importModel, which reads binary files.',
    );
  }
  if (!isRecord(json)) return failure('unknown', 'A model file must be a JSON object.');
  try {
    return importRecord(json, name);
  } catch (error) {
    return failure('unknown', `The model file could not be read: ${String(error)}`);
  }
}

function importRecord(json: Record<string, unknown>, name?: string): TopologyImport {
  if (json.format === 'netcanvas.graph') {
    const parsed = parseGraph(json);
    return parsed.ok
      ? { ok: true, kind: 'netcanvas-graph', doc: parsed.doc, diagnostics: [] }
      : { ok: false, kind: 'netcanvas-graph', diagnostics: parsed.diagnostics };
  }
  let kind: ModelFileKind;
  let topology: Record<string, unknown>;
  let manifest: WeightsManifestGroup[] | undefined;
  if (isGraphModelJson(json)) {
    return failure(
      'tfjs-graph',
      'This is a TensorFlow.js graph model: a frozen graph of operations (converted from a SavedModel or a frozen graph), made for prediction only. It has no layers, so it cannot be edited or fine-tuned as a diagram; it opens for prediction and its activations instead.',
      GRAPH_MODEL_HINT,
    );
  }
  if ('modelTopology' in json) {
    kind = 'tfjs-layers';
    if (!isRecord(json.modelTopology)) return failure(kind, 'modelTopology in model.json is not an object.');
    topology = json.modelTopology;
    if (json.weightsManifest !== undefined) {
      if (!isWeightsManifest(json.weightsManifest)) return failure(kind, 'weightsManifest in model.json is malformed.');
      manifest = json.weightsManifest;
    }
  } else if ('class_name' in json) {
    kind = 'keras-json';
    topology = json;
  } else {
    return failure(
      'unknown',
      'This file is neither a TensorFlow.js model.json, a Keras model JSON, nor a NetCanvas graph.',
      'Export the model with model.to_json() in Keras or model.save() in TensorFlow.js.',
    );
  }
  const kerasVersion =
    typeof topology.keras_version === 'string'
      ? topology.keras_version
      : typeof json.keras_version === 'string'
        ? json.keras_version
        : undefined;
  // Keras 2 and old TF.js record training_config, TF.js model.json trainingConfig beside the topology,
  // Keras 3's to_json() compile_config.
  const trainingConfig = topology.training_config ?? json.trainingConfig ?? topology.compile_config;
  const modelConfig = isRecord(topology.model_config) ? topology.model_config : topology;
  const className = modelConfig.class_name;
  if (typeof className !== 'string' || !['Sequential', 'Model', 'Functional'].includes(className)) {
    return failure(kind, `The file describes a "${String(className)}", not a Sequential or functional model.`);
  }
  const flat = flattenModel(className, modelConfig.config);
  const diagnostics: Diagnostic[] = [];
  if (isKeras1(kerasVersion)) {
    for (const call of flat.calls) Object.assign(call, upgradeKeras1Layer(call.className, call.config));
    diagnostics.push({
      code: 'unsupported_feature',
      severity: 'info',
      message: `Saved by Keras ${kerasVersion}: layer settings were renamed to their current form.`,
      hint: 'Check the imported layers against the original model.',
    });
  }
  if (flat.calls.length === 0)
    return {
      ok: false,
      kind,
      diagnostics: [...diagnostics, ...flat.diagnostics, { code: 'import_failed', severity: 'error', message: 'The model has no layers.' }],
    };
  const modelName =
    name ?? (isRecord(modelConfig.config) && typeof modelConfig.config.name === 'string' ? modelConfig.config.name : undefined);
  const built = buildGraph(flat, modelName);
  const training = trainingFromKeras(trainingConfig);
  if (training) built.doc.training = training as GraphDoc['training'];
  const parsed = parseGraph(built.doc);
  if (!parsed.ok) return { ok: false, kind, diagnostics: [...diagnostics, ...built.diagnostics, ...parsed.diagnostics] };
  return {
    ok: true,
    kind,
    doc: layeredLayout(parsed.doc),
    ...(manifest ? { manifest } : {}),
    ...(kerasVersion ? { kerasVersion } : {}),
    diagnostics: [...diagnostics, ...built.diagnostics],
  };
}

export interface ModelImport extends TopologyImport {
  /**
   * Decoded weights keyed by the graph's layer names, when the manifest's files could be read. The
   * caller owns (disposes) them; copies of a shared layer share their tensors.
   */
  weights?: tfjs.NamedTensorMap;
}

/**
 * Imports a model file and its weights: a JSON model file (as for `importTopology`) with the weight
 * files its manifest names, when `readFile` can provide them; or the bytes of a file — a Keras HDF5
 * model (`model.save('x.h5')`, weights included) or a JSON file. Lays the graph out with elk when
 * given one. Weights become tensors only when `tf` is given. Never throws.
 *
 * @example
 * const imported = await importModel(tf, new Uint8Array(await file.arrayBuffer()), { name: 'classifier' });
 * if (imported.ok && imported.weights) assignWeights(compileGraph(tf, imported.doc!).model, imported.weights);
 */
export async function importModel(
  tf: Tf | null | undefined,
  input: unknown,
  options: { readFile?: ReadWeightFile; elk?: ElkLike; name?: string; caffemodel?: Uint8Array } = {},
): Promise<ModelImport> {
  const binary = input instanceof Uint8Array || input instanceof ArrayBuffer;
  if (binary && isZip(new Uint8Array(input))) {
    const archive = await importKerasArchive(tf, new Uint8Array(input), (config) => importTopology(config, options.name));
    const result: ModelImport = { ...archive, kind: 'keras-archive' };
    if (result.ok && result.doc && options.elk) result.doc = await elkLayout(result.doc, options.elk);
    return result;
  }
  const other = binary && !isHdf5(input) ? describeBinary(new Uint8Array(input)) : undefined;
  if (other) return notAModelFile(other);
  if (binary && looksLikeOnnx(new Uint8Array(input)))
    return networkImport(tf, 'onnx', importOnnx(new Uint8Array(input), { name: options.name }), options.elk);
  const text = typeof input === 'string' ? input : binary && !isHdf5(input) ? decodeText(input) : undefined;
  if (text !== undefined && looksLikePrototxt(text))
    return networkImport(tf, 'caffe', importCaffe(text, options.caffemodel, { name: options.name }), options.elk);
  if (binary && isHdf5(input)) {
    const { weightArrays, ...imported } = await importKerasH5(input, { name: options.name, weights: Boolean(tf) });
    const result: ModelImport = imported;
    if (!result.ok || !result.doc) return result;
    if (options.elk) result.doc = await elkLayout(result.doc, options.elk);
    const tensors = tf && weightArrays ? toTensors(tf, weightArrays, result.diagnostics) : undefined;
    if (tensors) result.weights = weightsForGraph(result.doc, tensors);
    return result;
  }
  const result: ModelImport = importTopology(binary ? decodeText(input) : input, options.name);
  if (!result.ok || !result.doc) return result;
  if (options.elk) result.doc = await elkLayout(result.doc, options.elk);
  if (tf && result.manifest && options.readFile) {
    const loaded = await loadWeights(tf, result.manifest, options.readFile);
    if (loaded.ok) result.weights = weightsForGraph(result.doc, loaded.tensors);
    // A missing or short shard is an error, like a weight of the wrong shape: the model is not the one in the file.
    else result.diagnostics.push(...loaded.diagnostics);
  }
  return result;
}

export interface KerasH5Import extends TopologyImport {
  /** The file's weights keyed by the graph's layer names (`dense_1/kernel`), as plain arrays. */
  weightArrays?: NamedWeightArrays;
}

/**
 * Reads a Keras HDF5 model file into a graph document (its `model_config` goes through
 * `importTopology`, exactly like a `to_json()` file) and, unless `weights` is false, its weights named
 * as the graph's TF.js layers name them. Needs no TF.js. Never throws.
 */
export async function importKerasH5(
  bytes: Uint8Array | ArrayBuffer,
  options: { name?: string; weights?: boolean } = {},
): Promise<KerasH5Import> {
  const read = await readKerasH5(bytes, { weights: options.weights !== false });
  if (!read.ok) return { ok: false, kind: 'keras-h5', diagnostics: read.diagnostics, ...(read.unreadable ? { unreadable: true } : {}) };
  const { model } = read;
  const imported = importTopology(
    {
      ...model.modelConfig,
      // Keras before 1.2 recorded no version; its loader takes such files for Keras 1.
      keras_version: model.kerasVersion ?? '1.x',
      ...(model.trainingConfig !== undefined ? { training_config: model.trainingConfig } : {}),
    },
    options.name,
  );
  const result: KerasH5Import = { ...imported, kind: 'keras-h5', diagnostics: [...imported.diagnostics, ...read.diagnostics] };
  if (!model.kerasVersion) delete result.kerasVersion;
  if (!result.ok || !result.doc || !model.layers) return result;
  try {
    const { weights, diagnostics } = kerasH5Weights(result.doc, model.layers, model);
    result.weightArrays = weights;
    result.diagnostics.push(...diagnostics);
  } catch (error) {
    result.diagnostics.push(weightsLeftOut(error));
  }
  return result;
}

/** An ONNX or Caffe import as a model import: laid out, its weights as tensors when `tf` is given. */
async function networkImport(
  tf: Tf | null | undefined,
  kind: ModelFileKind,
  imported: NetworkImport,
  elk: ElkLike | undefined,
): Promise<ModelImport> {
  const { weightArrays, layouts: _layouts, ...rest } = imported;
  const result: ModelImport = { ...rest, kind };
  if (!result.ok || !result.doc) return result;
  if (elk) result.doc = await elkLayout(result.doc, elk);
  const tensors = tf && weightArrays ? toTensors(tf, weightArrays, result.diagnostics) : undefined;
  if (tensors) result.weights = tensors;
  return result;
}

/** The arrays as tensors; one that does not fit its shape leaves all out (with a warning) rather than throwing. */
function toTensors(tf: Tf, arrays: NamedWeightArrays, diagnostics: Diagnostic[]): tfjs.NamedTensorMap | undefined {
  const tensors: tfjs.NamedTensorMap = {};
  try {
    for (const [name, a] of Object.entries(arrays)) tensors[name] = tf.tensor(a.values, a.shape, a.dtype);
    return tensors;
  } catch (error) {
    tf.dispose(Object.values(tensors));
    diagnostics.push(weightsLeftOut(error));
    return undefined;
  }
}

function weightsLeftOut(error: unknown): Diagnostic {
  return {
    code: 'weights_mismatch',
    severity: 'warning',
    message: `The weights in the file could not be matched to the layers: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'The architecture is imported without them.',
  };
}

/** A JSON model file given as bytes (a dropped file), in whichever Unicode encoding it was saved. */
function decodeText(bytes: Uint8Array | ArrayBuffer): string {
  return decodeModelText(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

/** A file of a known other format (an image, an archive) given as a model: say what it is. */
function notAModelFile(what: string): ModelImport {
  return {
    ...failure('unknown', `This file is ${what}, not a model file.`, MODEL_FILES_HINT),
    unreadable: true,
  };
}

/** Where a graph model opens instead, and how to get a model that can be edited. */
export const GRAPH_MODEL_HINT =
  'Open it with Open a graph model (/models/open) in NetCanvas, or see its inputs, outputs and operations with netcanvas summary. To edit or train it, convert the original Keras model in the layers format (tensorflowjs_converter --output_format tfjs_layers_model) and import that.';

const MODEL_FILES_HINT = 'NetCanvas opens TensorFlow.js model.json, Keras .json and .h5, ONNX .onnx and Caffe .prototxt files.';
