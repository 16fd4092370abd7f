import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnnotations } from '@/engine/data/annotations';
import { parseCoco } from '@/engine/data/annotations-coco';
import { parseVoc } from '@/engine/data/annotations-voc';
import { parseYolo, parseYoloClasses } from '@/engine/data/annotations-yolo';
import { labelToBoxes } from '@/engine/tasks/detection-boxes';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/detection');
const MADE = path.resolve(import.meta.dirname, '../../fixtures-made/detection-formats');
const read = (file: string) => readFileSync(file, 'utf8');
const voc = (n: number) => parseVoc(read(path.join(FIXTURES, 'raccoon-voc/annotations', `raccoon-${n}.xml`)), `raccoon-${n}.xml`);

/** The raccoon images' sizes and boxes (corners in pixels) as their VOC files state them. */
const SIZES = new Map([
  ['raccoon-150.jpg', { width: 275, height: 183 }],
  ['raccoon-151.jpg', { width: 225, height: 225 }],
  ['raccoon-31.jpg', { width: 236, height: 214 }],
]);
const SOURCE: Record<string, [number, number, number, number][]> = {
  'raccoon-150.jpg': [[80, 62, 187, 169]],
  'raccoon-151.jpg': [[42, 94, 108, 224]],
  'raccoon-31.jpg': [
    [82, 21, 187, 197],
    [11, 55, 80, 145],
  ],
};

/** Each image's stored boxes, back in pixel corners. */
function cornersOf(labels: Map<string, Float32Array>) {
  return Object.fromEntries(
    [...labels].map(([name, label]) => {
      const { width, height } = SIZES.get(name) as { width: number; height: number };
      return [name, labelToBoxes(label).map((b) => [b.x * width, b.y * height, (b.x + b.width) * width, (b.y + b.height) * height])];
    }),
  );
}

function expectSourceBoxes(labels: Map<string, Float32Array>, digits: number) {
  const got = cornersOf(labels);
  expect(Object.keys(got).sort()).toEqual(Object.keys(SOURCE).sort());
  for (const [name, boxes] of Object.entries(SOURCE)) {
    expect(got[name]).toHaveLength(boxes.length);
    boxes.forEach((box, k) => {
      box.forEach((v, i) => {
        expect(got[name]?.[k]?.[i]).toBeCloseTo(v, digits);
      });
    });
  }
}

describe('box annotations from real files', () => {
  it('Pascal VOC: the raccoon files give the boxes of their source, in fractions of each image', () => {
    const parsed = [150, 151, 31].map(voc);
    expect(parsed[2]?.images[0]).toMatchObject({ image: 'raccoon-31.jpg', size: { width: 236, height: 214 }, units: 'pixels' });
    const resolved = resolveAnnotations(parsed, SIZES);
    expect(resolved.problems).toEqual([]);
    expect(resolved.classes).toEqual(['raccoon']);
    expect(resolved.boxes).toBe(4);
    expectSourceBoxes(resolved.labels, 3);
  });

  it('COCO: the raccoon boxes as one COCO file give the same boxes', () => {
    const parsed = parseCoco(read(path.join(MADE, 'raccoon-coco.json')), 'raccoon-coco.json');
    const resolved = resolveAnnotations([parsed], SIZES);
    expect(resolved.problems).toEqual([]);
    expectSourceBoxes(resolved.labels, 3);
  });

  it('YOLO: the raccoon boxes as label files and a class list give the same boxes', () => {
    const classes = parseYoloClasses(read(path.join(MADE, 'raccoon-yolo/classes.txt')));
    const byStem = new Map([...SIZES.keys()].map((name) => [name.replace('.jpg', ''), name]));
    const parsed = [150, 151, 31].map((n) =>
      parseYolo(read(path.join(MADE, 'raccoon-yolo', `raccoon-${n}.txt`)), `labels/raccoon-${n}.txt`, classes, byStem),
    );
    const resolved = resolveAnnotations(parsed, SIZES, classes);
    expect(resolved.problems).toEqual([]);
    // Six decimals of a fraction: within a thousandth of a pixel.
    expectSourceBoxes(resolved.labels, 2);
  });

  it('COCO: a real export (Roboflow hard-hat sample) reads its categories and pixel boxes', () => {
    const parsed = parseCoco(read(path.join(FIXTURES, 'hard-hat-sample.coco.json')), 'hard-hat-sample.coco.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.classes).toEqual(['Workers', 'head', 'helmet', 'person']);
    expect(parsed.images).toEqual([
      {
        source: 'hard-hat-sample.coco.json',
        image: '0001.jpg',
        size: { width: 490, height: 275 },
        units: 'pixels',
        boxes: [
          { className: 'helmet', x0: 45, y0: 2, x1: 130, y1: 87 },
          { className: 'helmet', x0: 324, y0: 29, x1: 396, y1: 110 },
        ],
      },
    ]);
    // Its image is not published with it: the report says so, naming the file.
    expect(resolveAnnotations([parsed], new Map()).problems).toEqual([
      { name: 'hard-hat-sample.coco.json', reason: 'names the image "0001.jpg", which is not in the archive' },
    ]);
  });
});

describe('broken annotations get a report naming the file', () => {
  const xml = read(path.join(FIXTURES, 'raccoon-voc/annotations/raccoon-150.xml'));
  const cases: [string, () => ReturnType<typeof resolveAnnotations>['problems'], RegExp][] = [
    [
      'a box past the right edge',
      () => resolveAnnotations([parseVoc(xml.replace('<xmax>187</xmax>', '<xmax>400</xmax>'), 'a.xml')], SIZES).problems,
      /^box 1 of "raccoon-150\.jpg" \(80, 62 to 400, 169\) lies outside the image \(275×183 pixels\)$/,
    ],
    [
      'an unknown class',
      () => resolveAnnotations([parseVoc(xml.replace('<name>raccoon</name>', '<name>cat</name>'), 'b.xml')], SIZES, ['raccoon']).problems,
      /class "cat", which is not one of raccoon/,
    ],
    [
      'a missing image',
      () => resolveAnnotations([parseVoc(xml.replace('raccoon-150.jpg', 'raccoon-999.jpg'), 'c.xml')], SIZES).problems,
      /names the image "raccoon-999\.jpg", which is not in the archive/,
    ],
    [
      'a size that is not the image’s',
      () => resolveAnnotations([parseVoc(xml.replace('<width>275</width>', '<width>300</width>'), 'd.xml')], SIZES).problems,
      /gives "raccoon-150\.jpg" as 300×183 pixels, but the image is 275×183/,
    ],
    ['not VOC at all', () => parseVoc('<html></html>', 'e.xml').problems, /not a Pascal VOC annotation/],
    [
      'a COCO category the file does not list',
      () =>
        parseCoco(
          JSON.stringify({
            images: [{ id: 1, file_name: 'raccoon-150.jpg' }],
            annotations: [{ image_id: 1, category_id: 7, bbox: [1, 1, 5, 5] }],
            categories: [{ id: 1, name: 'raccoon' }],
          }),
          'f.json',
        ).problems,
      /annotation 1 names category id 7/,
    ],
    [
      'a YOLO class index past the list',
      () => parseYolo('3 0.5 0.5 0.1 0.1', 'raccoon-150.txt', ['raccoon'], new Map([['raccoon-150', 'raccoon-150.jpg']])).problems,
      /line 1 has the class index 3, but the class list has 1/,
    ],
    [
      'a YOLO line of four numbers',
      () => parseYolo('0 0.5 0.5 0.1', 'raccoon-150.txt', ['raccoon'], new Map([['raccoon-150', 'raccoon-150.jpg']])).problems,
      /line 1 is not "class x_centre/,
    ],
    [
      'a YOLO box outside 0–1',
      () =>
        resolveAnnotations([parseYolo('0 0.95 0.5 0.3 0.1', 'g.txt', ['raccoon'], new Map([['g', 'raccoon-150.jpg']]))], SIZES).problems,
      /lies outside the image \(0–1\)/,
    ],
  ];
  it.each(cases)('%s', (_, problems, reason) => {
    const found = problems();
    expect(found).toHaveLength(1);
    expect(found[0]?.reason).toMatch(reason);
    expect(found[0]?.name).toMatch(/\.(xml|json|txt)$/);
  });
});
