import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { looksLikePrototxt } from '../engine/caffe/prototxt';
import { isHdf5 } from '../engine/import/keras-h5';
import type { ReadWeightFile } from '../engine/import/weights';
import { looksLikeOnnx } from '../engine/onnx/import/read-onnx';
import { UsageError } from './errors';

/** Reads a file's bytes, turning every failure into a one-line usage error (exit 2). */
async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `${path}: no such file`
        : code === 'EISDIR'
          ? `${path}: is a directory`
          : `${path}: cannot read (${code ?? String(error)})`,
    );
  }
}

/** Zip archives start with "PK\x03\x04": Keras 3 saves `model.keras` as one. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function parseJson(path: string, bytes: Uint8Array): unknown {
  if (isZip(bytes)) {
    throw new UsageError(
      `${path}: this is a zip archive (a Keras 3 .keras file?); save the model with model.save('model.h5') or model.to_json() and import that.`,
    );
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Reads a model or graph file: a Keras HDF5 or ONNX file (recognised by its content, whatever its
 * name) comes back as its bytes, a Caffe `.prototxt` as its text, anything else is parsed as JSON.
 * Unreadable files are usage errors (exit 2).
 */
export async function readModelFile(path: string): Promise<unknown> {
  const bytes = await readBytes(path);
  if (isHdf5(bytes) || (looksLikeOnnx(bytes) && !/\.json$/i.test(path))) return bytes;
  if (/\.(prototxt|pbtxt)$/i.test(path)) return new TextDecoder().decode(bytes);
  const text = new TextDecoder().decode(bytes);
  if (looksLikePrototxt(text)) return text;
  return parseJson(path, bytes);
}

/**
 * The `.caffemodel` for a Caffe net: the one given, else the one with the prototxt's name beside
 * it, else the only one in its folder; `undefined` when there is none.
 */
export async function caffemodelFor(prototxt: string, given?: string): Promise<Uint8Array | undefined> {
  if (given) return readBytes(given);
  const folder = dirname(resolve(prototxt));
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => /\.caffemodel$/i.test(n));
  const own = `${basename(prototxt, extname(prototxt))}.caffemodel`;
  const pick = names.includes(own) ? own : names.length === 1 ? names[0] : undefined;
  return pick ? readBytes(join(folder, pick)) : undefined;
}

/** Reads weight files named in a manifest, relative to the model file; `undefined` when one is absent. */
export function weightReaderFor(modelPath: string): ReadWeightFile {
  const base = dirname(resolve(modelPath));
  return async (path) => {
    const full = resolve(base, path);
    if (!full.startsWith(base)) return undefined;
    try {
      return new Uint8Array(await readFile(full));
    } catch {
      return undefined;
    }
  };
}
