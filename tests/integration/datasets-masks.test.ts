import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { parseVoc } from '@/engine/data/annotations-voc';
import { decodeMask, encodeMask } from '@/engine/data/mask-rle';
import { db } from '@/server/db/client';
import { fetchBatch, upload, zip } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

// Three real photos with their Pascal VOC boxes (tests/fixtures/detection/raccoon-voc, MIT): each mask
// paints the photo's annotated raccoons as class 1 on background 0, at the photo's own size.
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/detection/raccoon-voc');
const PHOTOS = readdirSync(path.join(FIXTURE, 'images')).sort();
const photo = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURE, 'images', name)));
const boxesOf = (name: string) => {
  const xml = readFileSync(path.join(FIXTURE, 'annotations', name.replace(/\.jpg$/, '.xml')), 'utf8');
  return parseVoc(xml, name).images[0]!;
};

/** A grey PNG at the photo's size painting its VOC boxes with `value`. */
async function boxMask(name: string, value = 1, size?: { width: number; height: number }): Promise<Uint8Array> {
  const annotated = boxesOf(name);
  const { width, height } = size ?? ((await sharp(photo(name)).metadata()) as { width: number; height: number });
  const pixels = new Uint8Array(width * height);
  for (const b of annotated.boxes) {
    for (let y = Math.round(b.y0); y < Math.round(b.y1); y++)
      pixels.fill(value, y * width + Math.round(b.x0), y * width + Math.round(b.x1));
  }
  return new Uint8Array(
    await sharp(Buffer.from(pixels), { raw: { width, height, channels: 1 } })
      .png()
      .toBuffer(),
  );
}

const OPTIONS = { task: 'segmentation', width: 32, height: 32, channels: 3, fit: 'fill', split: { validation: 0, test: 0, seed: 3 } };

describeEachDatabase('datasets: segmentation masks', () => {
  let editor: TestUser;
  let teamId: string;

  beforeAll(async () => {
    editor = await signUp('Sam Segments');
    teamId = (await call('GET', '/api/teams', { as: editor })).body.teams[0].id;
  });

  it('reads a grey PNG mask beside each image, resized with its image, and serves it to training', async () => {
    const files: Record<string, Uint8Array | string> = { 'classes.txt': 'background\nraccoon\n' };
    for (const name of PHOTOS.slice(0, 2)) {
      files[`yard/images/${name}`] = photo(name);
      files[`yard/masks/${name.replace('.jpg', '.png')}`] = await boxMask(name);
    }
    // The third photo comes without a mask: unlabelled, to be painted.
    files[`yard/images/${PHOTOS[2]}`] = photo(PHOTOS[2] as string);
    const made = await upload(editor, teamId, zip(files), { format: 'zip', options: OPTIONS, license: 'MIT' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.report.notes).toEqual([
      '2 mask(s) of 2 class(es) read.',
      '1 image(s) have no mask yet: paint their masks with Label masks to use them for training.',
    ]);
    const id = made.body.datasetId;
    const meta = (await call('GET', `/api/datasets/${id}/versions/1/meta`, { as: editor })).body;
    expect(meta).toMatchObject({
      task: 'segmentation',
      labelSize: 1024,
      classes: ['background', 'raccoon'],
      counts: { train: 2, unlabelled: 1 },
    });
    expect((await call('GET', `/api/datasets/${id}/versions/1`, { as: editor })).body.meta.classCounts).toEqual([2, 2]);
    const samples = (await call('GET', `/api/datasets/${id}/versions/1/samples?filter=all`, { as: editor })).body.samples;
    for (const name of PHOTOS.slice(0, 2)) {
      const sample = samples.find((s: { name: string }) => s.name.endsWith(name));
      const decoded = decodeMask(sample.mask, 1024);
      if (!('pixels' in decoded)) throw new Error(decoded.problem);
      // Each VOC box, as fractions of the photo, lands on the same fractions of the 32×32 mask.
      const { width, height, boxes } = { ...(await sharp(photo(name)).metadata()), ...boxesOf(name) } as {
        width: number;
        height: number;
        boxes: { x0: number; y0: number; x1: number; y1: number }[];
      };
      for (const b of boxes) {
        const cx = Math.floor((((b.x0 + b.x1) / 2) * 32) / width);
        const cy = Math.floor((((b.y0 + b.y1) / 2) * 32) / height);
        expect(decoded.pixels[cy * 32 + cx], `${name}: centre of a box`).toBe(1);
      }
      const inside = (x: number, y: number) =>
        boxes.some(
          (b) => x >= (b.x0 * 32) / width - 1 && x <= (b.x1 * 32) / width && y >= (b.y0 * 32) / height - 1 && y <= (b.y1 * 32) / height,
        );
      for (let y = 0; y < 32; y++)
        for (let x = 0; x < 32; x++) if (!inside(x, y)) expect(decoded.pixels[y * 32 + x], `${name} at ${x},${y}`).toBe(0);
    }
    expect(samples.find((s: { name: string }) => s.name.endsWith(PHOTOS[2] as string)).mask).toBeUndefined();
    const batch = await fetchBatch(editor, `/api/datasets/${id}/versions/1/batches?split=train&offset=0&limit=10`);
    expect(batch.size).toBe(2);
    expect(batch.labels.length).toBe(2 * 1024);
    expect(new Set(batch.labels)).toEqual(new Set([0, 1]));
  });

  it('reads masks of 0 and 255 as one object, and names classes by number without a classes.txt', async () => {
    const name = PHOTOS[0] as string;
    const binary = await upload(
      editor,
      teamId,
      zip({ [name]: photo(name), [name.replace('.jpg', '_mask.png')]: await boxMask(name, 255) }),
      {
        format: 'zip',
        options: OPTIONS,
      },
    );
    expect(binary.status, JSON.stringify(binary.body)).toBe(201);
    expect(binary.body.report.notes[0]).toBe('1 mask(s) of 2 class(es) read (0 and 255 only: read as background and one object).');
    const meta = (await call('GET', `/api/datasets/${binary.body.datasetId}/versions/1/meta`, { as: editor })).body;
    expect(meta.classes).toEqual(['background', 'class 1']);
    const three = await upload(
      editor,
      teamId,
      zip({ [name]: photo(name), [`masks/${name.replace('.jpg', '.png')}`]: await boxMask(name, 3) }),
      {
        format: 'zip',
        options: OPTIONS,
      },
    );
    expect(three.status).toBe(201);
    expect((await call('GET', `/api/datasets/${three.body.datasetId}/versions/1/meta`, { as: editor })).body.classes).toEqual([
      'background',
      'class 1',
      'class 2',
      'class 3',
    ]);
  });

  it('refuses broken masks with a report naming every file, and keeps nothing', async () => {
    const [a, b, c] = PHOTOS as [string, string, string];
    const datasets = await db().dataset.count();
    const blobs = await db().blob.count();
    const colour = new Uint8Array(
      await sharp({ create: { width: 236, height: 214, channels: 3, background: { r: 200, g: 10, b: 10 } } })
        .png()
        .toBuffer(),
    );
    const refused = await upload(
      editor,
      teamId,
      zip({
        'classes.txt': 'background\nraccoon\n',
        [`images/${a}`]: photo(a),
        [`images/${b}`]: photo(b),
        [`images/${c}`]: photo(c),
        [`masks/${a.replace('.jpg', '.png')}`]: await boxMask(a, 1, { width: 50, height: 40 }),
        [`masks/${b.replace('.jpg', '.png')}`]: await boxMask(b, 4),
        [`masks/${c.replace('.jpg', '.png')}`]: colour,
        'masks/fox-1.png': await boxMask(a),
      }),
      { format: 'zip', options: OPTIONS },
    );
    expect(refused.status).toBe(400);
    const problems = refused.body.error.details.problems as { name: string; reason: string }[];
    const size = (await sharp(photo(a)).metadata()) as { width: number; height: number };
    expect(problems).toEqual(
      expect.arrayContaining([
        { name: `masks/${a.replace('.jpg', '.png')}`, reason: `is 50×40 pixels, but its image is ${size.width}×${size.height}` },
        { name: 'masks/fox-1.png', reason: 'is a mask, but the archive has no image named "fox-1"' },
        {
          name: `masks/${c.replace('.jpg', '.png')}`,
          reason: 'is in colour: a mask is a grey image whose pixel values are class indexes (0 = background)',
        },
        { name: `masks/${b.replace('.jpg', '.png')}`, reason: 'has class 4, but classes.txt names 2 class(es) (0 to 1)' },
      ]),
    );
    expect(refused.body.error.message).toMatch(/^4 problem\(s\) in the masks; nothing was saved\./);
    expect(await db().dataset.count()).toBe(datasets);
    expect(await db().blob.count()).toBe(blobs);
  });

  it('refuses an archive whose masks together pass the limit, and keeps nothing', async () => {
    const { uploadDataset } = await import('@/server/datasets/upload-dataset');
    const { UploadQuery } = await import('@/server/datasets/schemas');
    const { defaultLimits } = await import('@/server/datasets/ingest/options');
    const datasets = await db().dataset.count();
    const files: Record<string, Uint8Array> = {};
    for (const name of PHOTOS) {
      files[`images/${name}`] = photo(name);
      files[`masks/${name.replace('.jpg', '.png')}`] = await boxMask(name);
    }
    const query = UploadQuery.parse({ name: 'Too many masks', format: 'zip', options: JSON.stringify(OPTIONS) });
    await expect(uploadDataset(editor.id, teamId, query, [zip(files)], { ...defaultLimits(), maxMaskBytes: 1000 })).rejects.toMatchObject({
      code: 'payload_too_large',
      message: expect.stringMatching(/^The masks are too large to read\. masks\/raccoon-\d+\.png: the masks take more than 0 MB in all\.$/),
    });
    expect(await db().dataset.count()).toBe(datasets);
  });

  it('saves painted masks as a new version, and refuses a mask that does not fit the image or names an unknown class', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const name of PHOTOS) files[`yard/${name}`] = photo(name);
    const made = await upload(editor, teamId, zip(files), { format: 'zip', options: { ...OPTIONS, classes: ['raccoon'] } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.datasetId;
    const meta = (await call('GET', `/api/datasets/${id}/versions/1/meta`, { as: editor })).body;
    expect(meta).toMatchObject({ classes: ['background', 'raccoon'], counts: { unlabelled: 3 } });
    const names = Object.fromEntries(
      (await call('GET', `/api/datasets/${id}/versions/1/samples?filter=all`, { as: editor })).body.samples.map(
        (s: { index: number; name: string }) => [s.index, s.name],
      ),
    );
    const painted = new Uint8Array(1024);
    painted.fill(1, 32 * 10, 32 * 20);
    painted.fill(2, 32 * 20, 32 * 22);
    const saved = await call('POST', `/api/datasets/${id}/versions`, {
      as: editor,
      body: { parent: 1, addClasses: ['dog'], masks: [{ index: 1, mask: encodeMask(painted) }] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const detail = (await call('GET', `/api/datasets/${id}/versions/2`, { as: editor })).body;
    expect(detail.message).toBe('masks of 1 image(s) changed; classes added: dog');
    expect(detail.meta).toMatchObject({ classes: ['background', 'raccoon', 'dog'], classCounts: [1, 1, 1], counts: { unlabelled: 2 } });
    const back = (await call('GET', `/api/datasets/${id}/versions/2/samples?filter=all`, { as: editor })).body.samples.find(
      (s: { index: number }) => s.index === 1,
    );
    expect(back.mask).toBe(encodeMask(painted));

    const before = await db().datasetVersion.count({ where: { datasetId: id } });
    const short = await call('POST', `/api/datasets/${id}/versions`, {
      as: editor,
      body: { parent: 2, masks: [{ index: 0, mask: '0×1000' }] },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe(
      `Image "${names[0]}" (sample 0): the mask is not one of 32×32 pixels: the runs cover 1000 of the image's 1024 pixels.`,
    );
    const unknown = await call('POST', `/api/datasets/${id}/versions`, {
      as: editor,
      body: { parent: 2, masks: [{ index: 2, mask: '0×1000,7×24' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      `Image "${names[2]}" (sample 2): the mask paints class 7, but the dataset has 3 (background, raccoon, dog).`,
    );
    const cleared = await call('POST', `/api/datasets/${id}/versions`, {
      as: editor,
      body: { parent: 2, masks: [{ index: 1, mask: null }] },
    });
    expect(cleared.status).toBe(201);
    expect((await call('GET', `/api/datasets/${id}/versions/3/meta`, { as: editor })).body.counts.unlabelled).toBe(3);
    expect(await db().datasetVersion.count({ where: { datasetId: id } })).toBe(before + 1);

    // Masks belong to segmentation datasets only.
    const boxes = await upload(editor, teamId, zip(files), { format: 'zip', options: { ...OPTIONS, task: 'detection' } });
    const wrong = await call('POST', `/api/datasets/${boxes.body.datasetId}/versions`, {
      as: editor,
      body: { parent: 1, masks: [{ index: 0, mask: '0×1024' }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('Masks are labels of a segmentation dataset; this one is for object detection.');
  });
});
