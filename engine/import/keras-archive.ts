import type { Group } from 'jsfive';
import type { Diagnostic } from '../diagnostics';
import { child, isDataset, readArray } from './hdf5-values';
import { isHdf5 } from './keras-h5';
import type { WeightArray } from './weight-arrays';

/**
 * Keras 3's own format: `model.keras` is a zip archive of `metadata.json` (the Keras version),
 * `config.json` (the model, exactly as `model.to_json()` writes it) and `model.weights.h5` (the
 * weights; `model.save_weights('x.weights.h5')` writes the same file alone).
 *
 * The weights file does not name weights as earlier formats did: each layer's variables sit under
 * `layers/<name>/vars/0, 1 …` in the order the layer created them, where `<name>` is the layer's
 * class in snake case, numbered per class in the model's layer order (`dense`, `dense_1`, `conv2d`),
 * and sub-layers add levels (`layers/lstm/cell/vars`, `layers/bidirectional/forward_layer/cell/vars`,
 * a nested model's `layers/functional/layers/dense/vars`).
 */

/** Zip archives start with "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Larger unpacked members are refused: the config is a few kilobytes, weights at most what a model can hold. */
const MAX_MEMBER_BYTES = 2 * 1024 ** 3;

export interface KerasArchive {
  config: Record<string, unknown>;
  kerasVersion?: string;
  /** The bytes of model.weights.h5, when the archive has it. */
  weights?: Uint8Array;
}

export type KerasArchiveRead = { ok: true; archive: KerasArchive } | { ok: false; diagnostics: Diagnostic[] };

const fail = (message: string, hint?: string): KerasArchiveRead => ({
  ok: false,
  diagnostics: [{ code: 'import_failed', severity: 'error', message, ...(hint ? { hint } : {}) }],
});

/** Reads a `.keras` archive's config and weights file. Never throws. */
export async function readKerasArchive(bytes: Uint8Array): Promise<KerasArchiveRead> {
  let files: Record<string, Uint8Array>;
  try {
    const { unzipSync } = await import('fflate');
    const wanted = new Set(['config.json', 'metadata.json', 'model.weights.h5']);
    let tooLarge: string | undefined;
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_MEMBER_BYTES) tooLarge = f.name;
        return wanted.has(f.name) && f.originalSize <= MAX_MEMBER_BYTES;
      },
    });
    if (tooLarge && wanted.has(tooLarge)) return fail(`The archive's ${tooLarge} unpacks to more than 2 GB; it is not read.`);
  } catch (error) {
    return fail(
      `The zip archive could not be read; it may be truncated or damaged (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const configBytes = files['config.json'];
  if (!configBytes) {
    return fail(
      'This zip archive is not a Keras model: it has no config.json.',
      "A Keras 3 model file is written by model.save('model.keras').",
    );
  }
  let config: unknown;
  let metadata: unknown;
  try {
    config = JSON.parse(new TextDecoder().decode(configBytes));
    metadata = files['metadata.json'] ? JSON.parse(new TextDecoder().decode(files['metadata.json'])) : {};
  } catch (error) {
    return fail(`The config.json of the archive is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isRecord(config)) return fail('The config.json of the archive does not describe a model.');
  const kerasVersion = isRecord(metadata) && typeof metadata.keras_version === 'string' ? metadata.keras_version : undefined;
  const weights = files['model.weights.h5'];
  return { ok: true, archive: { config, ...(kerasVersion ? { kerasVersion } : {}), ...(weights ? { weights } : {}) } };
}

/** One layer of the file and its variables, in creation order. */
export interface Keras3LayerWeights {
  /** The layer's name in config.json (how the graph's nodes are named). */
  layerName: string;
  /** The nested model it is in, if any. */
  group?: string;
  arrays: WeightArray[];
}

/** Keras's `naming.to_snake_case`: `BatchNormalization` → `batch_normalization`, `Conv2D` → `conv2d`. */
export function snakeCase(className: string): string {
  return className
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every variable under a layer's group, in the order the layer created them: its own `vars` first,
 * then its sub-layers' (a Bidirectional's forward copy before its backward one, as TF.js orders them).
 */
function variablesUnder(group: Group, file: ArrayBuffer, depth = 0): WeightArray[] | string {
  const out: WeightArray[] = [];
  const vars = group.keys.includes('vars') ? child(group, 'vars') : null;
  if (vars && !isDataset(vars)) {
    const indexes = vars.keys.filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
    for (const index of indexes) {
      const dataset = child(vars, index);
      if (!dataset || !isDataset(dataset)) return `variable ${index} is not a dataset`;
      const array = readArray(dataset, file);
      if (typeof array === 'string') return `variable ${index} ${array}`;
      out.push(array);
    }
  }
  if (depth > 8) return out;
  const rank = (k: string) => (k.startsWith('forward') ? 0 : k.startsWith('backward') ? 1 : 0);
  const subs = group.keys.filter((k) => k !== 'vars').sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const key of subs) {
    const sub = child(group, key);
    if (!sub || isDataset(sub)) continue;
    const nested = variablesUnder(sub, file, depth + 1);
    if (typeof nested === 'string') return `${key}: ${nested}`;
    out.push(...nested);
  }
  return out;
}

/**
 * The weights of a Keras 3 weights file (`model.weights.h5`, inside a `.keras` archive or alone),
 * per layer of the model config they belong to. Never throws.
 *
 * @example
 * const read = await keras3Weights(archive.weights, archive.config);
 * if (read.ok) for (const layer of read.layers) console.log(layer.layerName, layer.arrays.length);
 */
export async function keras3Weights(
  bytes: Uint8Array,
  modelConfig: Record<string, unknown>,
): Promise<{ ok: true; layers: Keras3LayerWeights[] } | { ok: false; message: string }> {
  if (!isHdf5(bytes)) return { ok: false, message: 'model.weights.h5 is not an HDF5 file.' };
  const buffer = bytes.slice().buffer as ArrayBuffer;
  try {
    const { File } = await import('jsfive');
    const root = new File(buffer, 'model.weights.h5');
    const layers: Keras3LayerWeights[] = [];
    const problem = collect(root, modelConfig, '', undefined, buffer, layers, 0);
    return problem ? { ok: false, message: problem } : { ok: true, layers };
  } catch (error) {
    return { ok: false, message: `model.weights.h5 could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** Walks a model config's layers beside the weights file's `layers/` groups; returns a problem or `undefined`. */
function collect(
  root: Group,
  model: Record<string, unknown>,
  path: string,
  group: string | undefined,
  file: ArrayBuffer,
  out: Keras3LayerWeights[],
  depth: number,
): string | undefined {
  const config = isRecord(model.config) ? model.config : {};
  const layers = Array.isArray(config.layers) ? config.layers.filter(isRecord) : [];
  const counts = new Map<string, number>();
  for (const layer of layers) {
    const className = String(layer.class_name);
    const base = snakeCase(className);
    const seen = counts.get(base);
    counts.set(base, seen === undefined ? 0 : seen + 1);
    const key = seen === undefined ? base : `${base}_${seen + 1}`;
    const at = `${path}layers/${key}`;
    const layerConfig = isRecord(layer.config) ? layer.config : {};
    const name = typeof layerConfig.name === 'string' ? layerConfig.name : key;
    if (MODEL_CLASSES.has(className) && depth < 8) {
      const problem = collect(root, layer, `${at}/`, name, file, out, depth + 1);
      if (problem) return problem;
      continue;
    }
    const found = child(root, at);
    if (!found || isDataset(found)) continue;
    const arrays = variablesUnder(found, file);
    if (typeof arrays === 'string') return `the weights of layer "${name}" (${at}) could not be read: ${arrays}`;
    if (arrays.length > 0) out.push({ layerName: name, ...(group ? { group } : {}), arrays });
  }
  return undefined;
}
