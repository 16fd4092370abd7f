import type { KerasVariableGroup } from './keras-weights-plan';

/** The part of h5wasm this writer uses (its own types reach into Emscripten's globals). */
interface H5Wasm {
  ready: Promise<{ FS: { readFile(path: string): Uint8Array; unlink(path: string): void } }>;
  File: new (
    path: string,
    mode: 'w',
  ) => {
    create_group(path: string): unknown;
    create_dataset(options: { name: string; data: Float32Array; shape: number[]; dtype: string }): unknown;
    create_attribute(name: string, value: string): void;
    close(): void;
  };
}

let written = 0;

/**
 * A Keras 3 weights file (`model.weights.h5`, what `model.save_weights` writes and
 * `model.load_weights` reads) from variable groups, written with HDF5 itself compiled to WebAssembly
 * (h5wasm, loaded on first use: in the browser, the worker and Node alike). The file is made in
 * h5wasm's in-memory file system and removed from it once read back.
 *
 * @example
 * const bytes = await kerasWeightsH5(kerasVariableGroups(doc, analysis, model));
 */
export async function kerasWeightsH5(groups: readonly KerasVariableGroup[]): Promise<Uint8Array> {
  const h5 = (await import('h5wasm')) as unknown as H5Wasm & { default?: H5Wasm };
  const lib = h5.default ?? h5;
  const { FS } = await lib.ready;
  const path = `/netcanvas-weights-${++written}.h5`;
  const file = new lib.File(path, 'w');
  try {
    const made = new Set<string>();
    const ensure = (group: string) => {
      const parts = group.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const at = parts.slice(0, i).join('/');
        if (made.has(at)) continue;
        file.create_group(at);
        made.add(at);
      }
    };
    // The model's own variables (none for a NetCanvas design) sit in a top-level `vars`, as Keras writes it.
    ensure('vars');
    ensure('layers');
    for (const group of groups) {
      ensure(group.path);
      group.arrays.forEach((array, i) => {
        file.create_dataset({ name: `${group.path}/${i}`, data: array.values, shape: array.shape, dtype: '<f' });
      });
    }
  } finally {
    file.close();
  }
  const bytes = FS.readFile(path).slice();
  FS.unlink(path);
  return bytes;
}
