import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { labelToBoxes } from '@/engine/tasks/detection-boxes';
import { db } from '@/server/db/client';
import { fetchBatch, upload, zip } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

const VOC = path.resolve(import.meta.dirname, '../fixtures/detection/raccoon-voc');
const MADE = path.resolve(import.meta.dirname, '../fixtures-made/detection-formats');
const bytes = (file: string) => new Uint8Array(readFileSync(file));
const images = () =>
  Object.fromEntries(readdirSync(path.join(VOC, 'images')).map((f) => [`raccoons/images/${f}`, bytes(path.join(VOC, 'images', f))]));
const vocFiles = () =>
  Object.fromEntries(
    readdirSync(path.join(VOC, 'annotations')).map((f) => [
      `raccoons/annotations/${f}`,
      readFileSync(path.join(VOC, 'annotations', f), 'utf8'),
    ]),
  );
const yoloFiles = () =>
  Object.fromEntries(
    readdirSync(path.join(MADE, 'raccoon-yolo')).map((f) => [
      `raccoons/labels/${f}`,
      readFileSync(path.join(MADE, 'raccoon-yolo', f), 'utf8'),
    ]),
  );

/** The boxes of the three photos as their VOC files give them: corners in pixels, over the image size. */
const SOURCE = [
  [80 / 275, 62 / 183, 187 / 275, 169 / 183],
  [42 / 225, 94 / 225, 108 / 225, 224 / 225],
  [82 / 236, 21 / 214, 187 / 236, 197 / 214],
  [11 / 236, 55 / 214, 80 / 236, 145 / 214],
].sort((a, b) => (a[0] as number) - (b[0] as number));

const OPTIONS = {
  task: 'detection',
  width: 32,
  height: 32,
  channels: 3,
  split: { validation: 0.34, test: 0.34, seed: 1, stratify: false },
};

async function rowCounts() {
  const [dataset, datasetVersion, blob] = await Promise.all([db().dataset.count(), db().datasetVersion.count(), db().blob.count()]);
  return { dataset, datasetVersion, blob };
}

describeEachDatabase('datasets: box annotations', () => {
  let alice: TestUser;
  let teamId: string;

  beforeAll(async () => {
    alice = await signUp('Alice Boxes');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
  });

  /** Uploads, checks the version's meta, and reads every stored box back through the batch route. */
  async function boxesOfUpload(files: Record<string, Uint8Array | string>) {
    const made = await upload(alice, teamId, zip(files), { format: 'zip', options: OPTIONS, license: 'MIT' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.report.notes).toContain('4 box(es) of 1 class(es) read from the annotations.');
    const base = `/api/datasets/${made.body.datasetId}/versions/1`;
    const meta = (await call('GET', `${base}/meta`, { as: alice })).body;
    expect(meta).toMatchObject({ task: 'detection', labelSize: 80, classes: ['raccoon'], featureShape: [32, 32, 3] });
    expect(meta.counts.train + meta.counts.validation + meta.counts.test).toBe(3);
    const boxes: number[][] = [];
    for (const split of ['train', 'validation', 'test']) {
      const batch = await fetchBatch(alice, `${base}/batches?split=${split}&offset=0&limit=10`);
      expect(batch.status).toBe(200);
      for (let i = 0; i < batch.size; i++) {
        for (const b of labelToBoxes(batch.labels.subarray(i * 80, (i + 1) * 80))) boxes.push([b.x, b.y, b.x + b.width, b.y + b.height]);
      }
    }
    return boxes.sort((a, b) => (a[0] as number) - (b[0] as number));
  }

  function expectSource(boxes: number[][], digits: number) {
    expect(boxes).toHaveLength(4);
    boxes.forEach((box, k) => {
      box.forEach((v, i) => {
        expect(v).toBeCloseTo(SOURCE[k]?.[i] as number, digits);
      });
    });
  }

  it('a zip of photos with Pascal VOC files stores every box where the source has it', async () => {
    expectSource(await boxesOfUpload({ ...images(), ...vocFiles() }), 6);
  });

  it('the same photos with one COCO file, and with YOLO label files', async () => {
    expectSource(
      await boxesOfUpload({ ...images(), 'raccoons/instances.json': readFileSync(path.join(MADE, 'raccoon-coco.json'), 'utf8') }),
      6,
    );
    expectSource(await boxesOfUpload({ ...images(), ...yoloFiles() }), 5);
  });

  it('broken annotations: refused with every file named, and nothing saved', async () => {
    const files = {
      ...images(),
      ...vocFiles(),
      'raccoons/annotations/raccoon-150.xml': (vocFiles()['raccoons/annotations/raccoon-150.xml'] as string).replace(
        '<xmax>187</xmax>',
        '<xmax>400</xmax>',
      ),
      'raccoons/annotations/raccoon-31.xml': (vocFiles()['raccoons/annotations/raccoon-31.xml'] as string).replace(
        '<name>raccoon</name>',
        '<name></name>',
      ),
      'raccoons/annotations/stray.xml': (vocFiles()['raccoons/annotations/raccoon-151.xml'] as string).replace(
        'raccoon-151.jpg',
        'raccoon-999.jpg',
      ),
    };
    const before = await rowCounts();
    const refused = await upload(alice, teamId, zip(files), { format: 'zip', options: OPTIONS });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^3 problem\(s\) in the box annotations; nothing was saved\./);
    const named = Object.fromEntries(refused.body.error.details.problems.map((p: { name: string; reason: string }) => [p.name, p.reason]));
    expect(named['raccoons/annotations/raccoon-150.xml']).toBe(
      'box 1 of "raccoon-150.jpg" (80, 62 to 400, 169) lies outside the image (275×183 pixels)',
    );
    expect(named['raccoons/annotations/raccoon-31.xml']).toBe('object 1 has no <name> (its class)');
    expect(named['raccoons/annotations/stray.xml']).toBe('names the image "raccoon-999.jpg", which is not in the archive');
    expect(await rowCounts()).toEqual(before);
  });

  it('YOLO files without a class list are refused in words', async () => {
    const { 'raccoons/labels/classes.txt': _, ...noClasses } = yoloFiles();
    const refused = await upload(alice, teamId, zip({ ...images(), ...noClasses }), { format: 'zip', options: OPTIONS });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(
      'raccoons/labels/raccoon-150.txt: is a YOLO label file, but the archive has no classes.txt',
    );
  });
});
