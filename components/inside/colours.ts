/** Class colours of the decision boundary and its points, distinct on a projector and for most colour vision. */
export const CLASS_COLOURS: readonly [number, number, number][] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
];

/** The colour of a class index (the list repeats past ten classes). */
export function classColour(index: number): [number, number, number] {
  return CLASS_COLOURS[index % CLASS_COLOURS.length] as [number, number, number];
}

/**
 * A diverging scale for activations: negative values blue, zero white, positive values dark red,
 * each side scaled by the largest magnitude, so one tile's colours read the same as its legend's.
 */
export function activationColour(value: number, limit: number): [number, number, number] {
  const t = limit > 0 ? Math.max(-1, Math.min(1, value / limit)) : 0;
  if (t >= 0) return [255 - Math.round(t * 75), 255 - Math.round(t * 225), 255 - Math.round(t * 215)];
  const u = -t;
  return [255 - Math.round(u * 215), 255 - Math.round(u * 145), 255 - Math.round(u * 45)];
}

/** A short digest of numbers (FNV-1a over rounded values), exposed as a data attribute so a picture's change can be checked. */
export function digest(values: ArrayLike<number>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < values.length; i++) {
    h ^= Math.round((values[i] as number) * 1000) & 0xffff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}
