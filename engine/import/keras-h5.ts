import type { Group } from 'jsfive';
import type { Diagnostic, DiagnosticCode } from '../diagnostics';
import { attributeList, child, isDataset, readArray, text } from './hdf5-values';
import type { WeightArray } from './weight-arrays';

/**
 * Reads Keras HDF5 files (`model.save('x.h5')` in Keras 1, Keras 2, tf.keras and Keras 3's legacy
 * format; `model.save_weights('x.h5')`) with jsfive, a pure JavaScript HDF5 reader that also runs in
 * browsers. The layout, as Keras's `save_model_to_hdf5` / `save_weights_to_hdf5_group` write it:
 *
 * - root attributes `model_config` (the `to_json()` object, as bytes or a string), `training_config`,
 *   `keras_version`, `backend`;
 * - group `model_weights` with attribute `layer_names` (split into `layer_names0`, `layer_names1` …
 *   when large), `keras_version` and `backend`; one group per layer with attribute `weight_names`,
 *   each name the path of its dataset inside that group (`dense_1/kernel:0` is the dataset
 *   `model_weights/dense_1/dense_1/kernel:0`);
 * - a weights-only file has the `model_weights` content at its root and no `model_config`.
 *
 * Everything a damaged file can make jsfive do (throw strings, read past the end, report absurd
 * sizes) becomes a diagnostic.
 */

/** The 8 bytes every HDF5 file NetCanvas reads starts with (`\x89HDF\r\n\x1a\n`). */
export const HDF5_SIGNATURE = Uint8Array.of(0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a);

/** Whether `data` is bytes starting with the HDF5 signature. */
export function isHdf5(data: unknown): data is Uint8Array | ArrayBuffer {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : undefined;
  return bytes !== undefined && bytes.length >= HDF5_SIGNATURE.length && HDF5_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** One weight as the file stores it: its name in `weight_names` and its values. */
export interface KerasH5Weight {
  name: string;
  array: WeightArray;
}

/** One entry of `layer_names` with its weights, in the file's order. */
export interface KerasH5Layer {
  name: string;
  weights: KerasH5Weight[];
}

export interface KerasH5Model {
  /** The architecture: exactly what `model.to_json()` gives. */
  modelConfig: Record<string, unknown>;
  trainingConfig?: unknown;
  kerasVersion?: string;
  backend?: string;
  /** The layers' weights, when they were asked for and could all be read. */
  layers?: KerasH5Layer[];
}

/** A file that is not what it should be. `unreadable`: the bytes are not a readable HDF5 file (damaged or truncated), as opposed to a readable file without a model. */
export type KerasH5Failure = { ok: false; unreadable: boolean; diagnostics: Diagnostic[] };

export type KerasH5Read = { ok: true; model: KerasH5Model; diagnostics: Diagnostic[] } | KerasH5Failure;

export type KerasH5WeightsRead =
  | { ok: true; layers: KerasH5Layer[]; kerasVersion?: string; backend?: string; diagnostics: Diagnostic[] }
  | KerasH5Failure;

const failed = (unreadable: boolean, message: string, hint?: string, code: DiagnosticCode = 'import_failed'): KerasH5Failure => ({
  ok: false,
  unreadable,
  diagnostics: [{ code, severity: 'error', message, ...(hint ? { hint } : {}) }],
});

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 200);
const damaged = (error: unknown) => failed(true, `The HDF5 file could not be read; it may be truncated or damaged (${reason(error)}).`);

/**
 * Reads a Keras HDF5 model file: its architecture and settings and, unless `weights` is false, every
 * layer's weights. Weights-only files and HDF5 files that are not Keras models are refused with a
 * diagnostic saying what to import instead. Never throws.
 *
 * @example
 * const read = await readKerasH5(new Uint8Array(await file.arrayBuffer()));
 * if (read.ok) console.log(read.model.kerasVersion, read.model.layers?.length);
 */
export function readKerasH5(data: Uint8Array | ArrayBuffer, options: { weights?: boolean } = {}): Promise<KerasH5Read> {
  return withFile(data, (root, file) => readModel(root, file, options.weights !== false));
}

/**
 * Reads only the weights of a Keras HDF5 file: a whole model's (`model.save`) or a weights-only file's
 * (`model.save_weights`), to pair with an architecture imported from elsewhere. Never throws.
 *
 * @example
 * const read = await readKerasH5Weights(bytes);
 * if (read.ok) kerasH5Weights(doc, read.layers, read);
 */
export function readKerasH5Weights(data: Uint8Array | ArrayBuffer): Promise<KerasH5WeightsRead> {
  return withFile(data, (root, file): KerasH5WeightsRead => {
    const inModel = text(root.attrs.model_config) !== undefined;
    const found = inModel ? child(root, 'model_weights') : root;
    if (!found || isDataset(found) || attributeList(found.attrs, 'layer_names') === undefined) {
      return inModel ? failed(false, 'The file holds a model but no model_weights group with its weights.') : notAModel(root, false);
    }
    const layers = readLayers(found, file);
    if (typeof layers === 'string')
      return failed(false, `The weights in the file could not be read: ${layers}`, undefined, 'weights_mismatch');
    const kerasVersion = text(root.attrs.keras_version) ?? text(found.attrs.keras_version);
    const backend = text(root.attrs.backend) ?? text(found.attrs.backend);
    return { ok: true, layers, ...(kerasVersion ? { kerasVersion } : {}), ...(backend ? { backend } : {}), diagnostics: [] };
  });
}

/** Opens the file with jsfive (loaded on first use) and reads it; whatever jsfive throws means a damaged file. */
async function withFile<T>(
  data: Uint8Array | ArrayBuffer,
  read: (root: Group, file: ArrayBuffer) => T | KerasH5Failure,
): Promise<T | KerasH5Failure> {
  if (!isHdf5(data)) return failed(true, 'This is not an HDF5 file: it does not start with the HDF5 signature.');
  const buffer = data instanceof ArrayBuffer ? data : ownBuffer(data);
  try {
    const { File } = await import('jsfive');
    return read(new File(buffer, 'model.h5'), buffer);
  } catch (error) {
    return damaged(error);
  }
}

/** The bytes as an ArrayBuffer of their own (jsfive reads from offset 0 of the buffer). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
}

function readModel(root: Group, file: ArrayBuffer, withWeights: boolean): KerasH5Read {
  const attrs = root.attrs;
  const configText = text(attrs.model_config);
  if (configText === undefined) return notAModel(root);
  let modelConfig: unknown;
  try {
    modelConfig = JSON.parse(configText);
  } catch (error) {
    return failed(true, `The model_config attribute of the file is not valid JSON (${reason(error)}); the file may be damaged.`);
  }
  if (!isRecord(modelConfig)) return failed(false, 'The model_config attribute of the file does not describe a model.');
  const group = root.keys.includes('model_weights') ? child(root, 'model_weights') : null;
  const weightsGroup = group && !isDataset(group) ? group : undefined;
  const model: KerasH5Model = { modelConfig };
  const kerasVersion = text(attrs.keras_version) ?? (weightsGroup ? text(weightsGroup.attrs.keras_version) : undefined);
  const backend = text(attrs.backend) ?? (weightsGroup ? text(weightsGroup.attrs.backend) : undefined);
  if (kerasVersion) model.kerasVersion = kerasVersion;
  if (backend) model.backend = backend;
  const training = text(attrs.training_config);
  if (training) {
    try {
      model.trainingConfig = JSON.parse(training);
    } catch {
      // The training settings are optional extras; the model imports without them.
    }
  }
  const diagnostics: Diagnostic[] = [];
  if (!weightsGroup) {
    diagnostics.push(weightsProblem('The file holds no model_weights group, so the model is imported without weights.'));
  } else if (withWeights) {
    const layers = readLayers(weightsGroup, file);
    if (typeof layers === 'string') diagnostics.push(weightsProblem(`The weights in the file could not be read: ${layers}`));
    else model.layers = layers;
  }
  return { ok: true, model, diagnostics };
}

/** Explains what an HDF5 file without `model_config` is, and what to import instead. */
function notAModel(root: Group, weightsOnlyIsWrong = true): KerasH5Failure {
  const hint = "Save the whole model with model.save('model.h5'), or import its architecture from model.to_json().";
  if (weightsOnlyIsWrong && attributeList(root.attrs, 'layer_names') !== undefined) {
    return failed(
      false,
      'This file holds only weights (saved with model.save_weights()); it has no architecture to build the model from.',
      "Import the model's architecture instead (the JSON from model.to_json(), saved next to this file), or save the whole model with model.save('model.h5').",
    );
  }
  const keys = root.keys;
  if (keys.includes('layers') || keys.includes('_layer_checkpoint_dependencies')) {
    return failed(
      false,
      'This is a Keras 3 weights file (model.weights.h5); it holds weights but no architecture.',
      "Save the model with model.save('model.h5') (the legacy HDF5 format), or import its architecture from model.to_json().",
    );
  }
  const shown = keys.slice(0, 5).join(', ');
  return failed(
    false,
    `This HDF5 file is not a Keras model: it has no model_config attribute${shown ? ` (it holds ${shown}${keys.length > 5 ? ', …' : ''})` : ''}.`,
    hint,
  );
}

/** Every layer of `layer_names` with its weights, or why they cannot be read. */
function readLayers(group: Group, file: ArrayBuffer): KerasH5Layer[] | string {
  const names = attributeList(group.attrs, 'layer_names');
  if (!names) return 'the model_weights group has no layer_names attribute.';
  const layers: KerasH5Layer[] = [];
  for (const name of names) {
    const layerGroup = child(group, name);
    if (!layerGroup || isDataset(layerGroup)) return `layer_names lists "${name}", but the file has no group of that name.`;
    const weights: KerasH5Weight[] = [];
    for (const weightName of attributeList(layerGroup.attrs, 'weight_names') ?? []) {
      const dataset = child(layerGroup, weightName);
      if (!dataset || !isDataset(dataset)) return `layer "${name}" names the weight "${weightName}", which is not in the file.`;
      const array = readArray(dataset, file);
      if (typeof array === 'string') return `weight "${weightName}" of layer "${name}" ${array}`;
      weights.push({ name: weightName, array });
    }
    layers.push({ name, weights });
  }
  return layers;
}

function weightsProblem(message: string): Diagnostic {
  return {
    code: 'weights_mismatch',
    severity: 'warning',
    message,
    hint: 'The architecture is imported; re-save the model to bring its weights along.',
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
