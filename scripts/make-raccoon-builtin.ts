/**
 * Builds `data-builtin/raccoons/` from a checkout of the raccoon dataset (Dat Tran, 2017, MIT):
 * every image resized to 128×128 (stretched, so boxes stay fractions of the picture) as JPEG, and
 * `boxes.json` with each image's boxes read from its Pascal VOC file by the same reader uploads use.
 *
 *   npx tsx scripts/make-raccoon-builtin.ts /path/to/raccoon_dataset
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { resolveAnnotations } from '../engine/data/annotations';
import { parseVoc } from '../engine/data/annotations-voc';
import { labelToBoxes } from '../engine/tasks/detection-boxes';

const SIZE = 128;
const from = process.argv[2];
if (!from) throw new Error('Give the raccoon dataset checkout: npx tsx scripts/make-raccoon-builtin.ts DIR');
const out = path.join(import.meta.dirname, '..', 'data-builtin', 'raccoons');
mkdirSync(path.join(out, 'images'), { recursive: true });

const files = readdirSync(path.join(from, 'annotations')).filter((f) => f.endsWith('.xml'));
const parsed = files.map((f) => parseVoc(readFileSync(path.join(from, 'annotations', f), 'utf8'), f));
const sizes = new Map<string, { width: number; height: number }>();
for (const p of parsed) {
  for (const entry of p.images) {
    const meta = await sharp(path.join(from, 'images', entry.image)).metadata();
    sizes.set(entry.image, { width: meta.width ?? 0, height: meta.height ?? 0 });
  }
}
const { labels, classes, problems } = resolveAnnotations(parsed, sizes);
if (problems.length > 0) throw new Error(problems.map((p) => `${p.name}: ${p.reason}`).join('\n'));
const images = [...labels.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
for (const name of images) {
  await sharp(path.join(from, 'images', name))
    .resize(SIZE, SIZE, { fit: 'fill' })
    .jpeg({ quality: 80 })
    .toFile(path.join(out, 'images', name));
}
const round = (v: number) => Math.round(v * 10_000) / 10_000;
const boxes = images.map((name) => ({
  image: name,
  boxes: labelToBoxes(labels.get(name) as Float32Array).map((b) => [b.classIndex, round(b.x), round(b.y), round(b.width), round(b.height)]),
}));
writeFileSync(path.join(out, 'boxes.json'), `${JSON.stringify({ size: SIZE, classes, images: boxes })}\n`);
copyFileSync(path.join(from, 'LICENSE'), path.join(out, 'LICENSE'));
console.log(`${images.length} images, ${boxes.reduce((n, b) => n + b.boxes.length, 0)} boxes → ${out}`);
