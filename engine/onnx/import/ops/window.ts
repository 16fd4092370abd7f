import { Unsupported } from '../design-builder';
import type { OpNode } from '../op-graph';
import { attrInts, attrNumber, attrString } from '../op-graph';

/**
 * Padding of windowed operations (Conv, pooling). Keras layers only know "valid" and TF's "same"
 * (extra padding at the end); any other explicit padding becomes a ZeroPadding2D before a "valid"
 * window — exact for convolutions and for average pooling that counts the padding.
 */
export type WindowPadding = { padding: 'valid' | 'same' } | { padding: 'valid'; explicit: { begin: number[]; end: number[] } };

export interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  pads: { begin: number[]; end: number[] };
  autoPad: string;
  ceil: boolean;
}

export function windowOf(node: OpNode, kernel: number[]): Window {
  const n = kernel.length;
  const strides = attrInts(node, 'strides') ?? new Array(n).fill(1);
  const dilations = attrInts(node, 'dilations') ?? new Array(n).fill(1);
  const pads = attrInts(node, 'pads') ?? new Array(2 * n).fill(0);
  return {
    kernel,
    strides,
    dilations,
    pads: { begin: pads.slice(0, n), end: pads.slice(n, 2 * n) },
    autoPad: attrString(node, 'auto_pad', 'NOTSET'),
    ceil: attrNumber(node, 'ceil_mode', 0) === 1,
  };
}

/** How to reproduce a window's padding for inputs of these spatial sizes (`null` where unknown). */
export function resolvePadding(w: Window, sizes: readonly (number | null)[]): WindowPadding {
  const n = w.kernel.length;
  const effective = w.kernel.map((k, i) => (k - 1) * (w.dilations[i] ?? 1) + 1);
  const same = (i: number, size: number) => {
    const s = w.strides[i] ?? 1;
    const total = Math.max((Math.ceil(size / s) - 1) * s + (effective[i] ?? 1) - size, 0);
    return { begin: Math.floor(total / 2), end: total - Math.floor(total / 2) };
  };
  if (w.autoPad === 'SAME_UPPER') return { padding: 'same' };
  if (w.autoPad === 'VALID') return { padding: 'valid' };
  if (w.autoPad === 'SAME_LOWER') {
    if (sizes.some((s) => s === null)) throw new Unsupported('its SAME_LOWER padding depends on input sizes not known at import time');
    const begin: number[] = [];
    const end: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = same(i, sizes[i] as number);
      begin.push(p.end);
      end.push(p.begin);
    }
    return begin.every((b, i) => b === end[i]) && begin.every((b) => b === 0)
      ? { padding: 'valid' }
      : { padding: 'valid', explicit: { begin, end } };
  }
  const { begin, end } = w.pads;
  // Ceil mode adds a partial window at the end when the sizes do not divide: account for it as end padding.
  const extraEnd = begin.map((b, i) => {
    if (!w.ceil) return 0;
    const size = sizes[i];
    if (size === null || size === undefined) throw new Unsupported('its ceil_mode depends on input sizes not known at import time');
    const span = size + b + (end[i] ?? 0) - (effective[i] ?? 1);
    const s = w.strides[i] ?? 1;
    const out = Math.ceil(span / s) + 1;
    // ONNX drops a last window that would start in the end padding.
    const windows = (out - 1) * s >= size + b ? out - 1 : out;
    return Math.max((windows - 1) * s + (effective[i] ?? 1) - (size + b + (end[i] ?? 0)), 0);
  });
  const endTotal = end.map((e, i) => e + (extraEnd[i] ?? 0));
  if (begin.every((b) => b === 0) && endTotal.every((e) => e === 0)) return { padding: 'valid' };
  const matchesSame = begin.every((b, i) => {
    const size = sizes[i];
    if (size === null || size === undefined) {
      // Unknown size: symmetric padding of half the window with stride 1 is "same" whatever the size.
      return (w.strides[i] ?? 1) === 1 && b === endTotal[i] && b * 2 === (effective[i] ?? 1) - 1;
    }
    const p = same(i, size);
    return p.begin === b && p.end === endTotal[i];
  });
  if (matchesSame) return { padding: 'same' };
  return { padding: 'valid', explicit: { begin, end: endTotal } };
}
