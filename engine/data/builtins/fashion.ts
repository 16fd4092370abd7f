import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { InMemoryDataset } from '../dataset';
import { stratifiedSplit } from '../split';
import { builtinDataDir } from './files';

const SPLIT_SEED = 20_170_825;

export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

/** Reads a big-endian IDX file (the MNIST family's format): magic, dimensions, then uint8 values. */
export function parseIdx(bytes: Uint8Array): { shape: number[]; data: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic >> 8 !== 0x08) throw new Error('not an unsigned-byte IDX file');
  const dims = magic & 0xff;
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + i * 4));
  const start = 4 + dims * 4;
  const count = shape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength < start + count) throw new Error('truncated IDX file');
  return { shape, data: bytes.subarray(start, start + count) };
}

/** Fashion-MNIST's 10,000 test images (28×28 grayscale clothing, 10 classes), split 70 / 10 / 20. */
export async function loadFashion(): Promise<InMemoryDataset> {
  const dir = path.join(builtinDataDir(), 'fashion-mnist');
  const images = parseIdx(gunzipSync(await readFile(path.join(dir, 't10k-images-idx3-ubyte.gz'))));
  const labelsIdx = parseIdx(gunzipSync(await readFile(path.join(dir, 't10k-labels-idx1-ubyte.gz'))));
  const features = new Float32Array(images.data.length);
  for (let i = 0; i < images.data.length; i++) features[i] = (images.data[i] as number) / 255;
  const labels = Float32Array.from(labelsIdx.data);
  return {
    name: 'fashion',
    source: 'Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, Zalando Research): the 10,000 test images, MIT license.',
    task: 'classification',
    featureShape: [28, 28, 1],
    features,
    labels,
    labelSize: 1,
    classes: FASHION_CLASSES,
    split: stratifiedSplit(labels, { validation: 0.1, test: 0.2 }, SPLIT_SEED),
  };
}
