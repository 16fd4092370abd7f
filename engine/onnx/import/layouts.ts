import type { Shape } from '../../shape';
import { type DesignBuilder, type Tracked, Unsupported } from './design-builder';

/** `[0, 1, …, rank − 1]`: the ONNX tensor is the design tensor. */
export const identityPerm = (rank: number): number[] => Array.from({ length: rank }, (_, i) => i);

/** ONNX channels-first `[N, C, …spatial]` over a channels-last design tensor `[N, …spatial, C]`. */
export const channelsFirstPerm = (rank: number): number[] => [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];

/** ONNX time-major `[T, N, F]` over a batch-major design sequence `[N, T, F]`. */
export const TIME_MAJOR_PERM = [1, 0, 2];

/** The ONNX shape of a tracked tensor (`null` dims where unknown); `null` when its shape or layout is unknown. */
export function onnxShape(t: Tracked): (number | null)[] | null {
  if (!t.shape || !t.perm) return null;
  const shape = t.shape;
  return t.perm.map((p) => (p < 0 ? 1 : (shape[p] ?? null)));
}

export function samePerm(a: readonly number[] | null, b: readonly number[]): boolean {
  return a !== null && a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The tensor with the wanted layout, adding a Permute layer when the design's axis order differs
 * (the batch axis never moves). Throws `Unsupported` for layouts a Permute cannot reach.
 */
export function withPerm(b: DesignBuilder, t: Tracked, wanted: readonly number[], fileName: string): Tracked {
  if (samePerm(t.perm, wanted)) return t;
  if (!t.perm || t.perm.length !== wanted.length) throw new Unsupported('the layout of its input is not known');
  if (t.perm.includes(-1) || wanted.includes(-1)) return viaReshape(b, t, wanted, fileName);
  const q = new Array<number>(wanted.length);
  for (const [i, w] of wanted.entries()) q[w] = t.perm[i] as number;
  if (q[0] !== 0) throw new Unsupported('it moves the batch axis');
  const [out] = b.layer('permute', { dims: q.slice(1) }, [t], `${fileName}_permute`);
  return { ...(out as Tracked), perm: [...wanted] };
}

/**
 * For a tensor flattened from `t`: the design position of the value at each ONNX position, or
 * `undefined` when both orders agree. `null` when sizes are unknown.
 */
export function flattenOrder(t: Tracked): Int32Array | undefined | null {
  if (!t.shape || !t.perm) return null;
  const onnx = onnxShape(t);
  if (!onnx || onnx.slice(1).some((d) => d === null)) return null;
  const perm = t.perm;
  const design = t.shape.slice(1) as number[];
  const dims = onnx.slice(1) as number[];
  const real = perm.slice(1).filter((p) => p >= 0);
  if (real.every((p, i) => i === 0 || p > (real[i - 1] ?? 0))) return undefined;
  const strides = design.map((_, i) => design.slice(i + 1).reduce((a, b) => a * b, 1));
  const total = dims.reduce((a, b) => a * b, 1);
  const order = new Int32Array(total);
  const index = new Array<number>(dims.length).fill(0);
  for (let flat = 0; flat < total; flat++) {
    let target = 0;
    for (const [i, v] of index.entries()) {
      const axis = perm[i + 1] ?? -1;
      if (axis > 0) target += v * (strides[axis - 1] ?? 0);
    }
    order[flat] = target;
    for (let a = dims.length - 1; a >= 0; a--) {
      index[a] = (index[a] ?? 0) + 1;
      if ((index[a] ?? 0) < (dims[a] ?? 1)) break;
      index[a] = 0;
    }
  }
  return order;
}

/** The design axis (negative from the end where it is the last) for an ONNX axis of `t`. */
export function designAxis(t: Tracked, onnxAxis: number): number {
  const perm = t.perm ?? [];
  const axis = onnxAxis < 0 ? onnxAxis + perm.length : onnxAxis;
  const d = perm[axis];
  if (d === undefined || d < 0) throw new Unsupported(`its axis ${onnxAxis} has no design axis`);
  const rank = (t.shape as Shape | null)?.length ?? perm.filter((p) => p >= 0).length;
  return d === rank - 1 ? -1 : d;
}

/**
 * Changes which size-1 axes the design has (a Reshape, which keeps the data's order) after
 * permuting the other axes into the file's order when they are not in it already.
 */
function viaReshape(b: DesignBuilder, t: Tracked, wanted: readonly number[], fileName: string): Tracked {
  const shape = onnxShape(t);
  if (!shape || shape.slice(1).some((d) => d === null)) throw new Unsupported('it changes size-1 axes of a tensor whose size is not known');
  const inOrder = (perm: readonly number[]) => {
    const axes = perm.filter((p, i) => p >= 0 && shape[i] !== 1);
    return axes.every((p, i) => i === 0 || p > (axes[i - 1] ?? 0));
  };
  if (!inOrder(wanted) || wanted[0] !== 0) throw new Unsupported('it changes size-1 axes in a way no layer reproduces');
  const source = inOrder(t.perm as number[]) ? t : withPerm(b, t, fileOrder(t.perm as number[]), fileName);
  const rank = Math.max(...wanted) + 1;
  const design = new Array<number>(rank).fill(1);
  for (const [i, p] of wanted.entries()) if (p >= 0) design[p] = shape[i] as number;
  const [out] = b.layer('reshape', { targetShape: design.slice(1) }, [source], `${fileName}_reshape`);
  return { ...(out as Tracked), perm: [...wanted] };
}

/** The layout whose design axes are in the file's order (size-1 axes the design lacks left out). */
export function fileOrder(perm: readonly number[]): number[] {
  let k = 0;
  return perm.map((p) => (p < 0 ? -1 : k++));
}
