import sharp from 'sharp';
import { baseName, stem } from '@/engine/data/annotations';
import type { StagedImage } from './detection-labels';
import type { ImageOptions, UploadLimits } from './options';
import { type Problem, uploadRefused } from './problems';

/** A mask file: in a `masks` (or `labels`, `annotations`) folder, or named `<image>_mask.png` / `<image>-mask.png`. */
export const MASK_FILE =
  /((^|\/)(masks?|labels?|annotations?|segmentations?)\/[^/]+\.(png|bmp|gif|tiff?)$)|([_.-]mask\.(png|bmp|gif|tiff?)$)/i;
/** The file naming a segmentation archive's classes, one per line, the first being the background (class 0). */
export const MASK_CLASS_FILE = /(^|\/)(classes|labelmap|labels)\.txt$/i;

/** A mask file as the archive held it. */
export interface MaskFile {
  name: string;
  bytes: Uint8Array;
}

/** The image a mask file belongs to: its name without the mask suffix and extension. */
export function maskStem(name: string): string {
  return stem(name).replace(/[_.-]mask$/i, '');
}

/**
 * The stored labels of a segmentation archive: each image's mask (a grey PNG beside it whose pixel
 * values are class indexes, 0 the background) resized the way its image was (nearest neighbour, so
 * classes never blend), in staging order. Masks of only 0 and 255 are read as background and one
 * object, the way binary masks are usually saved. Classes come from `classes.txt` (one per line,
 * background first), else are numbered up to the largest value found. Any problem — a mask with no
 * image, of another size than its image, in colour, with an unknown class — refuses the whole
 * upload with a report naming each file, so nothing is half-saved. Images without a mask stay
 * unlabelled: their masks are painted in the mask labeller.
 */
export async function segmentationLabels(
  masks: readonly MaskFile[],
  classText: string | null,
  images: readonly StagedImage[],
  options: Pick<ImageOptions, 'width' | 'height' | 'fit' | 'classes'>,
  limits: Pick<UploadLimits, 'maxImagePixels' | 'maxClasses' | 'maxClassNameChars'>,
): Promise<{ labels: Float32Array; classes: string[]; masks: number; binary: boolean }> {
  const size = options.width * options.height;
  const labels = new Float32Array(images.length * size).fill(Number.NaN);
  const problems: Problem[] = [];
  const named =
    classText === null
      ? null
      : classText
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
  if (named && named.length > limits.maxClasses)
    problems.push({ name: 'classes.txt', reason: `names more than ${limits.maxClasses} classes` });
  const long = named?.find((c) => c.length > limits.maxClassNameChars);
  if (long) problems.push({ name: 'classes.txt', reason: `a class name is longer than ${limits.maxClassNameChars} characters` });
  const byStem = new Map<string, number>();
  images.forEach((image, i) => {
    const key = stem(image.name);
    if (byStem.has(key))
      problems.push({ name: image.name, reason: `another image is also named "${key}", so its mask cannot be told apart` });
    byStem.set(key, i);
  });
  let largest = 0;
  // Each mask's largest value, to name every mask with a class classes.txt does not have.
  const tops: { name: string; top: number }[] = [];
  let onlyBinary = true;
  let found = 0;
  const seen = new Set<number>();
  for (const file of masks) {
    const at = byStem.get(maskStem(file.name));
    if (at === undefined) {
      problems.push({ name: file.name, reason: `is a mask, but the archive has no image named "${maskStem(file.name)}"` });
      continue;
    }
    if (seen.has(at)) {
      problems.push({ name: file.name, reason: `is a second mask for ${baseName((images[at] as StagedImage).name)}` });
      continue;
    }
    seen.add(at);
    const image = images[at] as StagedImage;
    const decoded = await decodeMaskImage(file.bytes, image, options, limits);
    if ('reason' in decoded) {
      problems.push({ name: file.name, reason: decoded.reason });
      continue;
    }
    let top = 0;
    for (let i = 0; i < size; i++) {
      const value = decoded.values[i] as number;
      if (value > top) top = value;
      if (value !== 0 && value !== 255) onlyBinary = false;
      labels[at * size + i] = value;
    }
    tops.push({ name: file.name, top });
    largest = Math.max(largest, top);
    found++;
  }
  const binary = found > 0 && onlyBinary && largest === 255 && !(named && named.length > 255);
  if (binary) for (let i = 0; i < labels.length; i++) if (labels[i] === 255) labels[i] = 1;
  const top = binary ? 1 : largest;
  const classes = named ?? Array.from({ length: top + 1 }, (_, c) => (c === 0 ? 'background' : `class ${c}`));
  if (named) {
    for (const mask of tops) {
      const value = binary && mask.top === 255 ? 1 : mask.top;
      if (value >= named.length)
        problems.push({
          name: mask.name,
          reason: `has class ${value}, but classes.txt names ${named.length} class(es) (0 to ${named.length - 1})`,
        });
    }
  }
  if (problems.length > 0) throw uploadRefused(`${problems.length} problem(s) in the masks; nothing was saved.`, problems.slice(0, 200));
  for (const extra of options.classes) if (!classes.includes(extra)) classes.push(extra);
  if (classes.length === 0) classes.push('background');
  return { labels, classes, masks: found, binary };
}

/** One mask file as class values at the stored size, or why it cannot be one. */
async function decodeMaskImage(
  bytes: Uint8Array,
  image: StagedImage,
  options: Pick<ImageOptions, 'width' | 'height' | 'fit'>,
  limits: Pick<UploadLimits, 'maxImagePixels'>,
): Promise<{ values: Uint8Array } | { reason: string }> {
  try {
    const source = sharp(bytes, { limitInputPixels: limits.maxImagePixels, failOn: 'error' });
    const header = await source.metadata();
    if (header.width !== image.width || header.height !== image.height) {
      return { reason: `is ${header.width}×${header.height} pixels, but its image is ${image.width}×${image.height}` };
    }
    const { data, info } = await source
      .removeAlpha()
      .resize(options.width, options.height, { fit: options.fit, kernel: 'nearest', background: { r: 0, g: 0, b: 0 } })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const channels = info.channels;
    const values = new Uint8Array(options.width * options.height);
    for (let i = 0; i < values.length; i++) {
      const v = data[i * channels] as number;
      if (channels >= 3 && (data[i * channels + 1] !== v || data[i * channels + 2] !== v)) {
        return { reason: 'is in colour: a mask is a grey image whose pixel values are class indexes (0 = background)' };
      }
      values[i] = v;
    }
    return { values };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/unsupported image format/i.test(message)) return { reason: 'is not an image file (a PNG mask expected)' };
    return { reason: `is a corrupt or unreadable image (${message.split('\n')[0]})` };
  }
}
