import type * as tfjs from '@tensorflow/tfjs';
import { assignLayerNames } from '../analysis/layer-names';
import type { Diagnostic } from '../diagnostics';
import type { GraphDoc } from '../graph/schema';
import type { Tf } from '../layers/spec';

export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}

export interface WeightsManifestGroup {
  paths: string[];
  weights: WeightEntry[];
}

/** Reads one weight file named in the manifest (a path relative to model.json); `undefined` if absent, throws with the reason if it may not or cannot be read. */
export type ReadWeightFile = (path: string) => Promise<Uint8Array | ArrayBuffer | undefined>;

export type LoadedWeights = { ok: true; tensors: tfjs.NamedTensorMap } | { ok: false; diagnostics: Diagnostic[] };

/** Checks that a value looks like a TF.js `weightsManifest`. */
export function isWeightsManifest(value: unknown): value is WeightsManifestGroup[] {
  return (
    Array.isArray(value) &&
    value.every(
      (g) =>
        typeof g === 'object' &&
        g !== null &&
        Array.isArray((g as WeightsManifestGroup).paths) &&
        Array.isArray((g as WeightsManifestGroup).weights) &&
        (g as WeightsManifestGroup).weights.every((w) => typeof w?.name === 'string' && Array.isArray(w.shape)),
    )
  );
}

/**
 * Reads and decodes the weight files of a TF.js model (shards concatenated per group, quantized
 * weights expanded) into named tensors. A missing or short file is a diagnostic, not an exception.
 */
export async function loadWeights(tf: Tf, manifest: WeightsManifestGroup[], read: ReadWeightFile): Promise<LoadedWeights> {
  const tensors: tfjs.NamedTensorMap = {};
  for (const group of manifest) {
    const parts: Uint8Array[] = [];
    for (const path of group.paths) {
      let data: Uint8Array | ArrayBuffer | undefined;
      try {
        data = await read(path);
      } catch (error) {
        disposeAll(tensors);
        return fail(
          `The weight file "${path}" named in model.json cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
          'Put all the weight files, as ordinary files, in the folder of model.json.',
        );
      }
      if (!data) {
        disposeAll(tensors);
        return fail(
          `The weight file "${path}" named in model.json is missing.`,
          'Put all the weight files next to model.json (or drop them together).',
        );
      }
      parts.push(data instanceof Uint8Array ? data : new Uint8Array(data));
    }
    const total = parts.reduce((n, p) => n + p.byteLength, 0);
    const expected = group.weights.reduce((n, w) => n + weightByteSize(w), 0);
    if (total < expected) {
      disposeAll(tensors);
      return fail(
        `The weight files ${group.paths.join(', ')} hold ${total} bytes, but the manifest needs ${expected}.`,
        'The files may be truncated or belong to another model.',
      );
    }
    const buffer = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
      buffer.set(part, offset);
      offset += part.byteLength;
    }
    try {
      Object.assign(tensors, tf.io.decodeWeights(buffer.buffer, group.weights as tfjs.io.WeightsManifestEntry[]));
    } catch (error) {
      disposeAll(tensors);
      return fail(`The weight files could not be decoded: ${(error as Error).message}`);
    }
  }
  return { ok: true, tensors };
}

/**
 * The weights keyed by the layer names the compiled graph uses. A layer whose name the analysis made
 * unique (`dense_2`: two layers of the file had one name) gets the file's weights under that name.
 * The later uses of a shared layer (`sharesWeightsWith`) use the first one's layer and need none.
 */
export function weightsForGraph(doc: GraphDoc, tensors: tfjs.NamedTensorMap): tfjs.NamedTensorMap {
  const names = assignLayerNames(doc.nodes);
  const out: tfjs.NamedTensorMap = { ...tensors };
  for (const node of doc.nodes) {
    const layerName = names.get(node.id);
    // A node that shares another's layer has no weights of its own.
    if (!node.name || !layerName || layerName === node.name || node.sharesWeightsWith !== undefined) continue;
    const prefix = `${node.name}/`;
    for (const [key, tensor] of Object.entries(tensors)) {
      if (key.startsWith(prefix)) out[`${layerName}/${key.slice(prefix.length)}`] = tensor;
    }
  }
  return out;
}

/** The bytes one manifest entry takes in the weight files (quantized entries take 1 or 2 per value). */
export function weightByteSize(w: WeightEntry): number {
  const count = w.shape.reduce((a, b) => a * b, 1);
  const q = w.quantization?.dtype;
  const bytes = q === 'uint8' ? 1 : q === 'uint16' || q === 'float16' ? 2 : w.dtype === 'bool' ? 1 : 4;
  return count * bytes;
}

function disposeAll(tensors: tfjs.NamedTensorMap): void {
  for (const t of Object.values(tensors)) t.dispose();
}

function fail(message: string, hint?: string): LoadedWeights {
  return { ok: false, diagnostics: [{ code: 'weights_mismatch', severity: 'error', message, ...(hint ? { hint } : {}) }] };
}
