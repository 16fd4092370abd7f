/**
 * A tensor shape as the engine sees it: the first entry is the batch dimension, `null` marks a
 * dimension that is not known until run time (usually the batch, sometimes a sequence length).
 */
export type Shape = (number | null)[];

/** `true` when both shapes have the same rank and the same entries (null only equals null). */
export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Number of elements per sample (every dimension but the batch); `null` when one of them is unknown. */
export function elementsPerSample(shape: Shape): number | null {
  let n = 1;
  for (let i = 1; i < shape.length; i++) {
    const d = shape[i];
    if (d === null || d === undefined) return null;
    n *= d;
  }
  return n;
}

/** Product of the given dimensions; `null` when one of them is unknown. */
export function product(dims: readonly (number | null | undefined)[]): number | null {
  let n = 1;
  for (const d of dims) {
    if (d === null || d === undefined) return null;
    n *= d;
  }
  return n;
}

/** Keras-style text: `(None, 28, 28, 1)`. */
export function formatShape(shape: Shape | null | undefined): string {
  if (!shape) return '?';
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
}

/** The last dimension, or `null` when the shape is empty or it is unknown. */
export function lastDim(shape: Shape): number | null {
  return shape.length > 0 ? (shape[shape.length - 1] ?? null) : null;
}
