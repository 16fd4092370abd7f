/**
 * A segmentation mask (a class index per pixel, row by row) as text: runs of equal pixels written
 * `class×length`, comma-separated ("0×410,2×12,0×90"). Masks are mostly long runs of background, so
 * a 256×256 mask of a few shapes is a few hundred bytes where a JSON array of its pixels would be
 * 130 kB; the labeller sends masks this way and the sample list returns them this way.
 */

/** The largest class index a mask may hold (masks are stored one byte per pixel). */
export const MAX_MASK_CLASS = 255;

export function encodeMask(pixels: ArrayLike<number>): string {
  const runs: string[] = [];
  let at = 0;
  while (at < pixels.length) {
    const value = pixels[at] as number;
    let end = at + 1;
    while (end < pixels.length && pixels[end] === value) end++;
    runs.push(`${value}×${end - at}`);
    at = end;
  }
  return runs.join(',');
}

/** The pixels of an encoded mask of `size` pixels, or why the text is not one. */
export function decodeMask(text: string, size: number): { pixels: Uint8Array } | { problem: string } {
  const pixels = new Uint8Array(size);
  let at = 0;
  for (const run of text.split(',')) {
    const match = /^(\d{1,3})×(\d{1,9})$/.exec(run);
    if (!match) return { problem: `"${run.slice(0, 20)}" is not a run of the form class×length` };
    const value = Number(match[1]);
    const length = Number(match[2]);
    if (value > MAX_MASK_CLASS) return { problem: `class ${value} is above ${MAX_MASK_CLASS}` };
    if (length === 0) return { problem: 'a run has length 0' };
    if (at + length > size) return { problem: `the runs cover more than the ${size} pixels of the image` };
    pixels.fill(value, at, at + length);
    at += length;
  }
  if (at !== size) return { problem: `the runs cover ${at} of the image's ${size} pixels` };
  return { pixels };
}
