import type { KerasVariableGroup } from '../keras-weights-plan';
import { type ExportProof, PROOF_TOLERANCE } from './proof';

/** The part of h5wasm this check reads with. */
interface H5Read {
  ready: Promise<{ FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void } }>;
  File: new (
    path: string,
    mode: 'r',
  ) => {
    get(path: string): { shape?: number[] | null; value?: unknown } | null | undefined;
    close(): void;
  };
}

let opened = 0;

/**
 * What can be checked of a Keras export without Python: the weights file is read back with h5wasm
 * and every variable the generated code loads must be there, with the original's shape and values.
 * The model itself is not run (that needs Keras), and the proof says so: `not-checked` when the
 * weights read back whole, `failed` when one is missing or differs.
 *
 * @example
 * const proof = await proveKerasWeights(h5Bytes, kerasVariableGroups(doc, analysis, model));
 */
export async function proveKerasWeights(bytes: Uint8Array, groups: readonly KerasVariableGroup[]): Promise<ExportProof> {
  const problems: string[] = [];
  let count = 0;
  try {
    const h5 = (await import('h5wasm')) as unknown as H5Read & { default?: H5Read };
    const lib = h5.default ?? h5;
    const { FS } = await lib.ready;
    const path = `/netcanvas-check-${++opened}.h5`;
    FS.writeFile(path, bytes);
    const file = new lib.File(path, 'r');
    try {
      for (const group of groups) {
        group.arrays.forEach((array, i) => {
          count++;
          const problem = checkArray(file, `${group.path}/${i}`, array);
          if (problem) problems.push(problem);
        });
      }
    } finally {
      file.close();
      FS.unlink(path);
    }
  } catch (error) {
    problems.push(`h5wasm could not read model.weights.h5: ${error instanceof Error ? error.message : String(error)}`);
  }
  const weights = `${count} weight ${count === 1 ? 'array' : 'arrays'}`;
  return {
    format: 'keras',
    status: problems.length === 0 ? 'not-checked' : 'failed',
    runtime: 'h5wasm',
    samples: 0,
    maxAbsDiff: null,
    tolerance: PROOF_TOLERANCE,
    message:
      problems.length === 0
        ? `Not checked: running model.py needs Keras. model.weights.h5 read back with h5wasm: all ${weights} match the model in shape and value.`
        : `Check failed: model.weights.h5 does not hold the model's weights (${problems.length} of ${weights} wrong).`,
    problems,
  };
}

/** What is wrong with one weight array of the file, or `null` when it matches the model's. */
function checkArray(file: InstanceType<H5Read['File']>, at: string, array: KerasVariableGroup['arrays'][number]): string | null {
  const dataset = file.get(at);
  if (!dataset) return `${at} is missing from model.weights.h5.`;
  const shape = [...(dataset.shape ?? [])];
  if (shape.join('×') !== array.shape.join('×'))
    return `${at} has shape [${shape.join(', ')}] in the file, [${array.shape.join(', ')}] in the model.`;
  const values = dataset.value as ArrayLike<number>;
  const differs = firstDifference(array.values, values);
  return differs < 0 ? null : `${at} differs at value ${differs}: ${array.values[differs]} in the model, ${values[differs]} in the file.`;
}

/** The index of the first value that differs (written as float32, so read back exactly), or -1. */
function firstDifference(expected: Float32Array, actual: ArrayLike<number>): number {
  if (!actual || actual.length !== expected.length) return 0;
  for (let i = 0; i < expected.length; i++)
    if (expected[i] !== actual[i] && !(Number.isNaN(expected[i]) && Number.isNaN(actual[i]))) return i;
  return -1;
}
