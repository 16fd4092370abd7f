import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import sharp from 'sharp';
import type { ApiError } from '@/server/http/errors';
import { ANNOTATION_FILE, type AnnotationText, detectionLabels, type StagedImage } from './detection-labels';
import type { ImageOptions, UploadLimits } from './options';
import { naturalCompare, type Problem, uploadRefused } from './problems';
import { MASK_CLASS_FILE, MASK_FILE, type MaskFile, segmentationLabels } from './segmentation-masks';
import { Staging } from './staging';

/** Folder names whose images have no class yet. */
const UNLABELLED_DIR = /^_?(unlabell?ed|unknown|unsorted)$/i;
/** Files archivers add that are not data. */
const JUNK = /(^|\/)(__MACOSX\/|\.[^/]*$|Thumbs\.db$|desktop\.ini$)/i;
/** Images decoded ahead of the one being stored: enough to keep libvips's threads busy, few enough to bound memory. */
const AHEAD = 8;

// Each image is decoded once: libvips's operation cache would only hold memory.
sharp.cache(false);

export interface ImageIngest {
  staging: Staging;
  classes: string[];
  skipped: Problem[];
  /** Files read from the archive (images and not). */
  files: number;
  /** For a detection upload: every staged image's boxes (stored labels in staging order) and the classes. */
  detection?: ReturnType<typeof detectionLabels>;
  /** For a segmentation upload: every staged image's mask (stored labels in staging order) and the classes. */
  segmentation?: Awaited<ReturnType<typeof segmentationLabels>>;
}

/**
 * Reads a zip of class folders (`cat/1.png`, `dog/2.jpg`; files at the top or in an `unlabelled`
 * folder have no class yet) entry by entry as it streams in, decoding and resizing every image to
 * the chosen size into a staging file. Memory holds one entry and a few decoded images at a time.
 *
 * Refused outright (nothing is kept): archives that expand too far (zip bombs, by total size,
 * entry size or ratio), too many entries, paths that climb out (`../`) or are absolute, archives
 * without a single image. Files that are not readable images (corrupt, not an image, too many
 * pixels) are skipped and listed — or refuse the upload when `strict`.
 */
export async function ingestImageZip(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ImageOptions,
  limits: UploadLimits,
): Promise<ImageIngest> {
  const recordBytes = options.width * options.height * options.channels;
  const staging = new Staging(recordBytes);
  const classIndex = new Map<string, number>();
  const skipped: Problem[] = [];
  let fatal: ApiError | null = null;
  let received = 0;
  let inflated = 0;
  let entries = 0;
  let files = 0;
  const ready: { name: string; label: string | null; bytes: Uint8Array }[] = [];
  const detecting = options.task === 'detection';
  const segmenting = options.task === 'segmentation';
  const maskFiles: MaskFile[] = [];
  let maskClasses: string | null = null;
  let maskBytes = 0;
  // Boxes are fractions of the picture only if the picture is stretched, never cropped or padded.
  const decodeAs = detecting ? { ...options, fit: 'fill' as const } : options;
  const annotations: AnnotationText[] = [];
  const staged: StagedImage[] = [];
  // Images whose labels come from other files keep their names and sizes to be paired with them.
  const pairing = detecting || segmenting;

  const refuse = (summary: string, name: string, reason: string, code: 'bad_request' | 'payload_too_large' = 'bad_request') => {
    fatal ??= uploadRefused(summary, [{ name, reason }], code);
  };

  const unzip = new Unzip((file: UnzipFile) => {
    if (fatal) return;
    entries++;
    if (entries > limits.maxEntries) return refuse('The archive has too many files.', file.name, `more than ${limits.maxEntries} entries`);
    const name = file.name;
    const unsafe = unsafePath(name);
    if (unsafe) return refuse('The archive has a file with an unsafe path.', name, unsafe);
    if (name.endsWith('/') || name.endsWith('\\') || JUNK.test(name)) return;
    files++;
    if (file.compression !== 0 && file.compression !== 8) {
      skipped.push({ name, reason: `compressed with method ${file.compression}, which is not supported (use deflate or store)` });
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (fatal) return;
      if (error) return refuse('The archive is damaged.', name, error.message);
      size += data.byteLength;
      inflated += data.byteLength;
      if (size > limits.maxEntryBytes) {
        file.terminate();
        return refuse('The archive looks like a zip bomb.', name, `expands to more than ${mb(limits.maxEntryBytes)}`, 'payload_too_large');
      }
      if (inflated > limits.maxTotalBytes) {
        file.terminate();
        return refuse(
          'The archive looks like a zip bomb.',
          name,
          `the archive expands to more than ${mb(limits.maxTotalBytes)}`,
          'payload_too_large',
        );
      }
      if (inflated > limits.ratioFloorBytes && inflated / Math.max(received, 1) > limits.maxRatio) {
        file.terminate();
        return refuse(
          'The archive looks like a zip bomb.',
          name,
          `expands more than ${limits.maxRatio}× (${mb(inflated)} from ${mb(received)})`,
          'payload_too_large',
        );
      }
      parts.push(data);
      if (!final) return;
      const bytes = concat(parts, size);
      if (detecting && ANNOTATION_FILE.test(name)) annotations.push({ name, text: new TextDecoder().decode(bytes) });
      else if (segmenting && MASK_CLASS_FILE.test(name)) maskClasses = new TextDecoder().decode(bytes);
      else if (segmenting && MASK_FILE.test(name)) {
        // Masks wait, still compressed, for their images: their bytes are what memory holds.
        maskBytes += bytes.byteLength;
        if (maskBytes > limits.maxMaskBytes)
          return refuse(
            'The masks are too large to read.',
            name,
            `the masks take more than ${mb(limits.maxMaskBytes)} in all`,
            'payload_too_large',
          );
        maskFiles.push({ name, bytes });
      } else ready.push({ name, label: pairing ? null : classOf(name), bytes });
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  // Decodes run ahead of the archive by a few images; results are kept in archive order.
  const inflight: { name: string; label: string | null; result: ReturnType<typeof decodeImage> }[] = [];
  const drain = async (all: boolean) => {
    for (const entry of ready.splice(0))
      inflight.push({ name: entry.name, label: entry.label, result: decodeImage(entry.bytes, decodeAs, limits) });
    while (inflight.length > (all ? 0 : AHEAD)) {
      const entry = inflight.shift() as (typeof inflight)[number];
      const result = await entry.result;
      if ('reason' in result) {
        skipped.push({ name: entry.name, reason: result.reason });
        continue;
      }
      let label = Number.NaN;
      if (entry.label !== null) {
        if (!classIndex.has(entry.label)) {
          if (entry.label.length > limits.maxClassNameChars) {
            skipped.push({ name: entry.name, reason: `its folder name is longer than ${limits.maxClassNameChars} characters` });
            continue;
          }
          if (classIndex.size >= limits.maxClasses) {
            throw uploadRefused(
              `The archive has more than ${limits.maxClasses} class folders; at most ${limits.maxClasses} classes are kept.`,
              [],
            );
          }
          classIndex.set(entry.label, classIndex.size);
        }
        label = classIndex.get(entry.label) as number;
      }
      staging.append(result.pixels, label, entry.name);
      if (pairing) staged.push({ name: entry.name, width: result.width, height: result.height });
    }
  };

  try {
    for await (const chunk of source) {
      received += chunk.byteLength;
      if (received > limits.maxUploadBytes) {
        throw uploadRefused(`The upload is larger than ${mb(limits.maxUploadBytes)}.`, [], 'payload_too_large');
      }
      try {
        unzip.push(chunk);
      } catch (error) {
        refuse('The archive is damaged.', 'archive', (error as Error).message);
      }
      if (fatal) throw fatal;
      await drain(false);
      if (fatal) throw fatal;
    }
    try {
      unzip.push(new Uint8Array(0), true);
    } catch (error) {
      refuse('The archive is damaged.', 'archive', (error as Error).message);
    }
    if (fatal) throw fatal;
    await drain(true);
    if (fatal) throw fatal;
    // Strict: read to the end so the report lists every file that is not a readable image.
    if (options.strict && skipped.length > 0) throw uploadRefused('The archive has files that are not readable images.', skipped);
    if (files === 0) throw uploadRefused('No files were found: upload a .zip archive with one folder of images per class.', []);
    if (staging.count === 0) throw uploadRefused('The archive has no readable images.', skipped);
    if (detecting) return { staging, classes: [], skipped, files, detection: detectionLabels(annotations, staged, options.classes) };
    if (segmenting) {
      const segmentation = await segmentationLabels(maskFiles, maskClasses, staged, options, limits);
      return { staging, classes: segmentation.classes, skipped, files, segmentation };
    }
    // Classes in natural order ("2" before "10"), whatever order the folders came in.
    for (const extra of options.classes) if (!classIndex.has(extra)) classIndex.set(extra, classIndex.size);
    const classes = [...classIndex.keys()].sort(naturalCompare);
    const remap = [...classIndex.entries()].reduce(
      (map, [cls, appeared]) => map.set(appeared, classes.indexOf(cls)),
      new Map<number, number>(),
    );
    const labels = staging.labelArray();
    for (let i = 0; i < labels.length; i++) if (!Number.isNaN(labels[i])) labels[i] = remap.get(labels[i] as number) as number;
    return { staging, classes, skipped, files };
  } catch (error) {
    // Let decodes already started finish before the staging file goes.
    await Promise.allSettled(inflight.map((e) => e.result));
    staging.close();
    throw error;
  }
}

/** Why a path inside an archive must not be used, or null when it is fine. */
export function unsafePath(name: string): string | null {
  const normalised = name.replace(/\\/g, '/');
  if (normalised.includes('\0')) return 'the path contains a NUL character';
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised)) return 'absolute paths are not allowed';
  if (normalised.split('/').some((segment) => segment === '..')) return 'paths with ../ are not allowed';
  return null;
}

/** The class of an archive path: the folder holding the file; null at the top or in an `unlabelled` folder. */
export function classOf(name: string): string | null {
  const segments = name.replace(/\\/g, '/').split('/').filter(Boolean);
  if (segments.length < 2) return null;
  const folder = segments[segments.length - 2] as string;
  return UNLABELLED_DIR.test(folder) ? null : folder.trim();
}

/** Decodes and resizes one image to raw pixels (with its size as stored, upright), or says why it cannot be used. */
export async function decodeImage(
  bytes: Uint8Array,
  options: Pick<ImageOptions, 'width' | 'height' | 'channels' | 'fit'>,
  limits: Pick<UploadLimits, 'maxImagePixels'>,
): Promise<{ pixels: Uint8Array; width: number; height: number } | { reason: string }> {
  try {
    let image = sharp(bytes, { limitInputPixels: limits.maxImagePixels, failOn: 'error' });
    const header = await image.metadata();
    // EXIF orientations 5–8 turn the picture a quarter: its upright width is the stored height.
    const turned = (header.orientation ?? 1) >= 5;
    const width = (turned ? header.height : header.width) ?? 0;
    const height = (turned ? header.width : header.height) ?? 0;
    image = image
      .rotate()
      .flatten({ background: { r: 0, g: 0, b: 0 } })
      .resize(options.width, options.height, { fit: options.fit, background: { r: 0, g: 0, b: 0 } });
    image = options.channels === 1 ? image.grayscale() : image.toColourspace('srgb');
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== options.channels || data.byteLength !== options.width * options.height * options.channels) {
      return { reason: `decoded to ${info.channels} channels instead of ${options.channels}` };
    }
    return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/unsupported image format/i.test(message)) return { reason: 'not an image file (PNG, JPEG, GIF, WebP, TIFF or AVIF expected)' };
    if (/pixel limit/i.test(message)) {
      // Only the header is read to say how large it is.
      const header = await sharp(bytes, { limitInputPixels: false })
        .metadata()
        .catch(() => null);
      const size = header?.width && header.height ? `${header.width}×${header.height} pixels` : 'too many pixels';
      return { reason: `the image is ${size}, more than the ${(limits.maxImagePixels / 1e6).toFixed(0)}-megapixel limit` };
    }
    return { reason: `corrupt or unreadable image (${message.split('\n')[0]})` };
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 * 1024 ? `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB` : `${Math.round(bytes / 1024 / 1024)} MB`;
}
