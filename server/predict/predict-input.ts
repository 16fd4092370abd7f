import { type DatasetMeta, normaliseRows } from '@/engine/data/meta';
import { decodeImage } from '@/server/datasets/ingest/zip-images';
import { ApiError, badRequest, parseInput } from '@/server/http/errors';
import { bodyChunks, readJson } from '@/server/http/read-body';
import { PredictRowsBody } from '@/server/predict/schemas';
import { type TextPredictInput, textsInput } from '@/server/predict/text-input';

/** Largest image upload (bytes): a photo from a phone fits; the pixel limit stops decompression bombs. */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
/** Largest decoded image (width × height); a 50-megapixel image is refused before it is decoded. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The network's input for one request: `count` samples of the dataset's feature shape, as the training saw them. */
export interface PredictInput {
  features: Float32Array;
  count: number;
  /** Texts: how each was read. */
  texts?: TextPredictInput['texts'];
}

/**
 * Reads a predict request's body into features: JSON rows (raw values, normalised with the
 * dataset's statistics like the training data was), or one image (decoded, resized and scaled to
 * 0–1 as image datasets are stored). Bounded: the body is read up to a limit, the image's pixel count
 * is checked from its header. Every mismatch is a 400 that says what was expected.
 */
export async function readPredictInput(request: Request, meta: DatasetMeta): Promise<PredictInput> {
  const width = meta.featureShape.reduce((a, b) => a * b, 1);
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    const body = await readJson(request);
    if (meta.text || (typeof body === 'object' && body !== null && 'texts' in body)) return textsInput(body, meta);
    return rowsInput(body, meta, width);
  }
  if (type.startsWith('image/') || type === 'application/octet-stream') {
    if (meta.text) throw badRequest(`This run's network reads texts (${meta.name}), not an image: send JSON { "texts": ["…"] }.`);
    if (meta.kind !== 'image' || meta.featureShape.length !== 3) {
      throw badRequest(`This run's network takes rows of ${width} numbers (${meta.name}), not an image: send JSON { "rows": [[…]] }.`);
    }
    return imageInput(await readImageBytes(request), meta);
  }
  throw badRequest('Send JSON ({ "rows": [[…]] }, Content-Type: application/json) or an image (Content-Type: image/png, image/jpeg …).');
}

function rowsInput(body: unknown, meta: DatasetMeta, width: number): PredictInput {
  const { rows } = parseInput(PredictRowsBody, body);
  const features = new Float32Array(rows.length * width);
  rows.forEach((row, i) => {
    if (row.length !== width) {
      throw badRequest(`Row ${i + 1} has ${row.length} values, but this run's network takes ${width} (${describeShape(meta)}).`, {
        expected: width,
        row: i + 1,
        got: row.length,
      });
    }
    features.set(row, i * width);
  });
  if (meta.kind === 'tabular') normaliseRows(features, width, meta.normalisation);
  return { features, count: rows.length };
}

function describeShape(meta: DatasetMeta): string {
  return meta.kind === 'image'
    ? `${meta.featureShape.join('×')} pixel values from 0 to 1, row by row`
    : `the feature columns of ${meta.name}, in its column order, without the label`;
}

async function readImageBytes(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) throw tooLarge();
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(request)) {
    size += chunk.byteLength;
    if (size > MAX_IMAGE_BYTES) throw tooLarge();
    parts.push(chunk);
  }
  if (size === 0) throw badRequest('The request has no image in its body.');
  return Buffer.concat(parts);
}

async function imageInput(bytes: Uint8Array, meta: DatasetMeta): Promise<PredictInput> {
  const [height, width, channels] = meta.featureShape as [number, number, number];
  if (channels !== 1 && channels !== 3)
    throw badRequest(`This run's network takes images with ${channels} channels, which cannot be made from a photo.`);
  const decoded = await decodeImage(bytes, { width, height, channels, fit: 'cover' }, { maxImagePixels: MAX_IMAGE_PIXELS });
  if ('reason' in decoded) throw badRequest(`The image cannot be used: ${decoded.reason}.`);
  return { features: Float32Array.from(decoded.pixels, (v) => v / 255), count: 1 };
}

function tooLarge(): ApiError {
  return new ApiError('payload_too_large', `The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
}
