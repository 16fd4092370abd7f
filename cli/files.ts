import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { looksLikePrototxt } from '../engine/caffe/prototxt';
import { isZip } from '../engine/import/keras-archive';
import { isHdf5 } from '../engine/import/keras-h5';
import { decodeModelText, describeBinary, parseModelJson } from '../engine/import/model-text';
import type { ReadWeightFile } from '../engine/import/weights';
import { looksLikeOnnx } from '../engine/onnx/import/read-onnx';
import { UsageError } from './errors';

/** The largest model or weight file read (Node cannot hold much more in one buffer anyway). */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

/** What a path that is not a regular file is, in words. */
function kindOf(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a file';
  if (stats.isSocket()) return 'is a socket, not a file';
  return 'is not a regular file';
}

/**
 * A regular file's bytes, or why it cannot be read. The file is opened without blocking and its type
 * and size checked before anything is read, so a FIFO or `/dev/zero` is refused at once instead of
 * hanging or filling memory.
 */
export async function readRegularFile(
  path: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; code?: string; reason: string }> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: kindOf(stats) };
    if (stats.size > MAX_FILE_BYTES)
      return {
        ok: false,
        reason: `is ${(stats.size / 1024 ** 3).toFixed(1)} GB; files over ${MAX_FILE_BYTES / 1024 ** 3} GB are not read`,
      };
    return { ok: true, bytes: new Uint8Array(await handle.readFile()) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(error)})`;
    return { ok: false, reason, ...(code ? { code } : {}) };
  } finally {
    await handle?.close();
  }
}

/** Reads a file's bytes, turning every failure into a one-line usage error (exit 2). */
async function readBytes(path: string): Promise<Uint8Array> {
  const read = await readRegularFile(path);
  if (!read.ok) throw new UsageError(`${path}: ${read.reason}`);
  return read.bytes;
}

function parseJson(path: string, bytes: Uint8Array): unknown {
  const other = describeBinary(bytes);
  if (other) throw new UsageError(`${path}: this is ${other}, not a model file`);
  const parsed = parseModelJson(decodeModelText(bytes));
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.message.charAt(0).toLowerCase()}${parsed.message.slice(1).replace(/\.$/, '')}`);
  return parsed.value;
}

/**
 * Reads a model or graph file: a Keras HDF5, Keras 3 `.keras` or ONNX file (recognised by its
 * content, whatever its name) comes back as its bytes, a Caffe `.prototxt` as its text, anything else is parsed as JSON.
 * Unreadable files are usage errors (exit 2).
 */
export async function readModelFile(path: string): Promise<unknown> {
  const bytes = await readBytes(path);
  if (isHdf5(bytes) || isZip(bytes) || (looksLikeOnnx(bytes) && !/\.json$/i.test(path))) return bytes;
  if (/\.(prototxt|pbtxt)$/i.test(path)) return new TextDecoder().decode(bytes);
  const text = decodeModelText(bytes);
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

/**
 * Whether `full` lies inside `folder`. Compared by relative path, not by string prefix: `/m/model-2`
 * begins with `/m/model` but is not inside it.
 */
export function isInside(folder: string, full: string): boolean {
  const rel = relative(folder, full);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Reads weight files named in a manifest, relative to the model file: `undefined` when one is absent;
 * a path leading out of the model's folder, or one that is not a regular file, throws with the reason.
 */
export function weightReaderFor(modelPath: string): ReadWeightFile {
  const base = dirname(resolve(modelPath));
  return async (path) => {
    const full = resolve(base, path);
    if (!isInside(base, full)) throw new Error(`it leads outside the model's folder (${base})`);
    const read = await readRegularFile(full);
    if (read.ok) return read.bytes;
    if (read.code === 'ENOENT') return undefined;
    throw new Error(`it ${read.reason}`);
  };
}
