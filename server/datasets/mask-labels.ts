import { decodeMask } from '@/engine/data/mask-rle';
import { badRequest } from '@/server/http/errors';

/**
 * One image's mask, as the labeller sends it (runs of class indexes, see mask-rle.ts), as a stored
 * segmentation label after checking that it covers the image exactly and names only known classes.
 * A problem refuses the whole save with the image named, so the person labelling can find it.
 */
export function maskLabel(
  encoded: string,
  shape: { height: number; width: number },
  classes: readonly string[],
  imageName: string | null,
  index: number,
): Float32Array {
  const where = imageName ? `Image "${imageName}" (sample ${index})` : `Sample ${index}`;
  const size = shape.height * shape.width;
  const decoded = decodeMask(encoded, size);
  if ('problem' in decoded) throw badRequest(`${where}: the mask is not one of ${shape.width}×${shape.height} pixels: ${decoded.problem}.`);
  const label = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const value = decoded.pixels[i] as number;
    if (value >= classes.length) {
      throw badRequest(`${where}: the mask paints class ${value}, but the dataset has ${classes.length} (${classes.join(', ')}).`, {
        sample: index,
        image: imageName,
      });
    }
    label[i] = value;
  }
  return label;
}

/**
 * How many labelled images show each class (any pixel of it): a segmentation version's class
 * counts, which say which classes have too few examples, as image counts do for the other tasks.
 */
export function imagesPerClass(labels: Float32Array, labelSize: number, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  const seen = new Uint8Array(classCount);
  for (let at = 0; at + labelSize <= labels.length; at += labelSize) {
    if (Number.isNaN(labels[at])) continue;
    seen.fill(0);
    for (let i = at; i < at + labelSize; i++) {
      const c = labels[i] as number;
      if (c >= 0 && c < classCount) seen[c] = 1;
    }
    for (let c = 0; c < classCount; c++) counts[c] = (counts[c] as number) + (seen[c] as number);
  }
  return counts;
}
