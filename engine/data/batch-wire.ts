import type { Batch } from './batch-source';

/**
 * The binary form of a batch sent over HTTP (`application/octet-stream`): Float32 features row by
 * row, then Float32 labels, little-endian, with the sizes in headers.
 */
export const BATCH_HEADERS = {
  sampleCount: 'x-sample-count',
  featureShape: 'x-feature-shape',
  labelSize: 'x-label-size',
} as const;

export function encodeBatch(
  batch: Batch,
  featureShape: number[],
  labelSize: number,
): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const body = new Uint8Array(batch.features.byteLength + batch.labels.byteLength);
  body.set(new Uint8Array(batch.features.buffer, batch.features.byteOffset, batch.features.byteLength), 0);
  body.set(new Uint8Array(batch.labels.buffer, batch.labels.byteOffset, batch.labels.byteLength), batch.features.byteLength);
  return {
    body,
    headers: {
      'content-type': 'application/octet-stream',
      [BATCH_HEADERS.sampleCount]: String(batch.size),
      [BATCH_HEADERS.featureShape]: JSON.stringify(featureShape),
      [BATCH_HEADERS.labelSize]: String(labelSize),
    },
  };
}

/** Reads a batch back from a response body and its headers. */
export function decodeBatch(body: ArrayBuffer, headers: { get(name: string): string | null }): Batch & { featureShape: number[] } {
  const size = Number(headers.get(BATCH_HEADERS.sampleCount));
  const featureShape = JSON.parse(headers.get(BATCH_HEADERS.featureShape) ?? '[]') as number[];
  const labelSize = Number(headers.get(BATCH_HEADERS.labelSize));
  const width = featureShape.reduce((a, b) => a * b, 1);
  const expected = (size * width + size * labelSize) * 4;
  if (!Number.isInteger(size) || body.byteLength !== expected) {
    throw new Error(`Batch of ${size} samples should be ${expected} bytes, got ${body.byteLength}.`);
  }
  return {
    features: new Float32Array(body, 0, size * width),
    labels: new Float32Array(body, size * width * 4, size * labelSize),
    size,
    featureShape,
  };
}
