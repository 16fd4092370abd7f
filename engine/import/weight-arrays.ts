/**
 * Weight values read from a file before they become tensors: flat values in C order with a shape.
 * The few rearrangements old Keras layouts need (transpose, flip, concatenate) are done here, in
 * plain TypeScript, so reading a file needs no TF.js.
 */
export interface WeightArray {
  values: Float32Array | Int32Array;
  shape: number[];
  dtype: 'float32' | 'int32';
}

/** Weights keyed `layer/weight` (as TF.js names them), e.g. `dense_1/kernel`. */
export type NamedWeightArrays = Record<string, WeightArray>;

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function strides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) out[i] = (out[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return out;
}

/** Walks every index of `shape` in C order, calling `visit` with the source offset `map` gives for it and the target offset. */
function remap(shape: readonly number[], map: (index: number[]) => number, visit: (source: number, target: number) => void): void {
  const n = size(shape);
  const index = new Array<number>(shape.length).fill(0);
  for (let target = 0; target < n; target++) {
    visit(map(index), target);
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = (index[axis] ?? 0) + 1;
      if ((index[axis] ?? 0) < (shape[axis] ?? 1)) break;
      index[axis] = 0;
    }
  }
}

function like(a: WeightArray, length: number): Float32Array | Int32Array {
  return a.dtype === 'int32' ? new Int32Array(length) : new Float32Array(length);
}

/** `np.transpose(a, perm)`. */
export function transpose(a: WeightArray, perm: readonly number[]): WeightArray {
  const shape = perm.map((p) => a.shape[p] ?? 1);
  const source = strides(a.shape);
  const values = like(a, a.values.length);
  remap(
    shape,
    (index) => index.reduce((sum, v, k) => sum + v * (source[perm[k] ?? k] ?? 0), 0),
    (s, t) => {
      values[t] = a.values[s] ?? 0;
    },
  );
  return { ...a, values, shape };
}

/** Reverses the given axes (`a[::-1, ::-1, :, :]` for axes 0 and 1). */
export function flip(a: WeightArray, axes: readonly number[]): WeightArray {
  const source = strides(a.shape);
  const values = like(a, a.values.length);
  remap(
    a.shape,
    (index) => index.reduce((sum, v, k) => sum + (axes.includes(k) ? (a.shape[k] ?? 1) - 1 - v : v) * (source[k] ?? 0), 0),
    (s, t) => {
      values[t] = a.values[s] ?? 0;
    },
  );
  return { ...a, values };
}

/** `np.concatenate(parts, axis=-1)`; `undefined` when the leading dimensions differ. */
export function concatLast(parts: readonly WeightArray[]): WeightArray | undefined {
  const first = parts[0];
  if (!first) return undefined;
  const lead = first.shape.slice(0, -1);
  if (parts.some((p) => p.shape.length !== first.shape.length || p.shape.slice(0, -1).join() !== lead.join())) return undefined;
  const widths = parts.map((p) => p.shape[p.shape.length - 1] ?? 1);
  const total = widths.reduce((a, b) => a + b, 0);
  const rows = size(lead);
  const values = like(first, rows * total);
  for (let r = 0; r < rows; r++) {
    let offset = r * total;
    for (const [i, part] of parts.entries()) {
      const width = widths[i] ?? 0;
      values.set(part.values.subarray(r * width, (r + 1) * width), offset);
      offset += width;
    }
  }
  return { ...first, values, shape: [...lead, total] };
}

/** The same values under another shape of the same size. */
export function reshape(a: WeightArray, shape: number[]): WeightArray {
  return { ...a, shape };
}
