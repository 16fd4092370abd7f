import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ReadWeightFile } from '../engine/import/weights';
import { UsageError } from './errors';

/** Reads a JSON file, turning every failure into a one-line usage error (exit 2). */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
  if (text.charCodeAt(0) === 0x89 && text.slice(1, 4) === 'HDF') {
    throw new UsageError(
      `${path}: this is a Keras HDF5 file; save the architecture with model.to_json() or convert it with tensorflowjs_converter, then import that.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
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
