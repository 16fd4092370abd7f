import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { boxesToLabel, DETECTION_LABEL_SIZE } from '../../tasks/detection-boxes';
import type { InMemoryDataset } from '../dataset';
import { stratifiedSplit } from '../split';
import { builtinDataDir } from './files';

const SPLIT_SEED = 2017;

interface RaccoonFile {
  size: number;
  classes: string[];
  images: { image: string; boxes: [number, number, number, number, number][] }[];
}

/**
 * The raccoon detection set (Dat Tran, 2017, MIT): 200 photos of raccoons with a box around each of
 * the 217 raccoons, from its Pascal VOC files; stored at 128×128 colour (stretched, so the boxes
 * stay fractions of the picture) by `scripts/make-raccoon-builtin.ts`. Split 70 / 15 / 15.
 */
export async function loadRaccoons(): Promise<InMemoryDataset> {
  const dir = path.join(builtinDataDir(), 'raccoons');
  const file = JSON.parse(await readFile(path.join(dir, 'boxes.json'), 'utf8')) as RaccoonFile;
  const pixels = file.size * file.size * 3;
  const features = new Float32Array(file.images.length * pixels);
  const labels = new Float32Array(file.images.length * DETECTION_LABEL_SIZE);
  for (const [i, entry] of file.images.entries()) {
    const { data } = await sharp(path.join(dir, 'images', entry.image))
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (let p = 0; p < pixels; p++) features[i * pixels + p] = (data[p] as number) / 255;
    const boxes = entry.boxes.map(([classIndex, x, y, width, height]) => ({ classIndex, x, y, width, height }));
    labels.set(boxesToLabel(boxes), i * DETECTION_LABEL_SIZE);
  }
  return {
    name: 'raccoons',
    source: 'Raccoon detector dataset by Dat Tran (2017), github.com/datitran/raccoon_dataset, MIT license; resized to 128×128.',
    task: 'detection',
    featureShape: [file.size, file.size, 3],
    features,
    labels,
    labelSize: DETECTION_LABEL_SIZE,
    classes: file.classes,
    split: stratifiedSplit(new Float32Array(file.images.length), { validation: 0.15, test: 0.15 }, SPLIT_SEED, false),
  };
}
