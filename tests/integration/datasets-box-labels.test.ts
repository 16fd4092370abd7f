import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { labelToBoxes } from '@/engine/tasks/detection-boxes';
import { db } from '@/server/db/client';
import { fetchBatch, upload, zip } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

// Three real photos without their annotation files (tests/fixtures/detection/raccoon-voc, MIT).
const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/detection/raccoon-voc/images');
const photos = () => Object.fromEntries(readdirSync(PHOTOS).map((f) => [`yard/${f}`, new Uint8Array(readFileSync(path.join(PHOTOS, f)))]));

const OPTIONS = { task: 'detection', width: 32, height: 32, channels: 3, classes: ['raccoon'], split: { validation: 0, test: 0, seed: 3 } };

describeEachDatabase('datasets: boxes drawn in the labeller', () => {
  let editor: TestUser;
  let viewer: TestUser;
  let datasetId: string;
  let names: Record<number, string>;

  beforeAll(async () => {
    editor = await signUp('Eddie Boxes');
    viewer = await signUp('Vera Viewer');
    const teamId = (await call('GET', '/api/teams', { as: editor })).body.teams[0].id;
    await db().membership.create({ data: { teamId, userId: viewer.id, role: 'viewer' } });
    const made = await upload(editor, teamId, zip(photos()), { format: 'zip', options: OPTIONS, license: 'MIT' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    datasetId = made.body.datasetId;
    expect(made.body.report.notes).toContain(
      '3 image(s) have no annotation yet: draw their boxes with Label boxes to use them for training.',
    );
    const samples = (await call('GET', `/api/datasets/${datasetId}/versions/1/samples?filter=all`, { as: editor })).body.samples;
    names = Object.fromEntries(samples.map((s: { index: number; name: string }) => [s.index, s.name]));
  });

  it('an image zip without annotations is a detection dataset of unlabelled images with the named classes', async () => {
    const meta = (await call('GET', `/api/datasets/${datasetId}/versions/1/meta`, { as: editor })).body;
    expect(meta).toMatchObject({ task: 'detection', labelSize: 80, classes: ['raccoon'], counts: { train: 0, unlabelled: 3 } });
  });

  it('saves drawn boxes as a new version, adding a class, and reads them back', async () => {
    const saved = await call('POST', `/api/datasets/${datasetId}/versions`, {
      as: editor,
      body: {
        parent: 1,
        addClasses: ['dog'],
        boxes: [
          { index: 0, boxes: [{ classIndex: 0, x: 0.25, y: 0.125, width: 0.5, height: 0.75 }] },
          {
            index: 2,
            boxes: [
              { classIndex: 1, x: 0, y: 0, width: 0.25, height: 0.25 },
              { classIndex: 0, x: 0.5, y: 0.5, width: 0.5, height: 0.5 },
            ],
          },
        ],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.number).toBe(2);
    const detail = (await call('GET', `/api/datasets/${datasetId}/versions/2`, { as: editor })).body;
    expect(detail.message).toBe('boxes of 2 image(s) changed; classes added: dog');
    const meta = (await call('GET', `/api/datasets/${datasetId}/versions/2/meta`, { as: editor })).body;
    expect(meta.classes).toEqual(['raccoon', 'dog']);
    expect(meta.counts).toMatchObject({ train: 2, unlabelled: 1 });
    // The samples route gives the boxes to the labeller; the batches route to training.
    const samples = (await call('GET', `/api/datasets/${datasetId}/versions/2/samples?filter=all`, { as: editor })).body.samples;
    expect(samples.find((s: { index: number }) => s.index === 2).boxes).toEqual([
      { classIndex: 1, x: 0, y: 0, width: 0.25, height: 0.25 },
      { classIndex: 0, x: 0.5, y: 0.5, width: 0.5, height: 0.5 },
    ]);
    expect(samples.find((s: { index: number }) => s.index === 1).boxes).toBeUndefined();
    const batch = await fetchBatch(editor, `/api/datasets/${datasetId}/versions/2/batches?split=train&offset=0&limit=10`);
    const boxes = Array.from({ length: batch.size }, (_, i) => labelToBoxes(batch.labels.subarray(i * 80, (i + 1) * 80)));
    expect(boxes.map((b) => b.length).sort()).toEqual([1, 2]);
    expect(boxes.flat()).toContainEqual({ classIndex: 0, x: 0.25, y: 0.125, width: 0.5, height: 0.75 });
    // Version 1 is untouched.
    const first = (await call('GET', `/api/datasets/${datasetId}/versions/1/meta`, { as: editor })).body;
    expect(first.counts.unlabelled).toBe(3);
  });

  it('refuses a bad box with a message naming the image, and saves nothing', async () => {
    const before = await db().datasetVersion.count({ where: { datasetId } });
    const outside = await call('POST', `/api/datasets/${datasetId}/versions`, {
      as: editor,
      body: {
        parent: 2,
        boxes: [
          { index: 1, boxes: [{ classIndex: 0, x: 0.1, y: 0.1, width: 0.2, height: 0.2 }] },
          { index: 0, boxes: [{ classIndex: 0, x: 0.75, y: 0.1, width: 0.5, height: 0.2 }] },
        ],
      },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toBe(
      `Image "${names[0]}" (sample 0), box 1: A box ends inside the image (x + width and y + height at most 1).`,
    );
    const unknown = await call('POST', `/api/datasets/${datasetId}/versions`, {
      as: editor,
      body: { parent: 2, boxes: [{ index: 1, boxes: [{ classIndex: 7, x: 0.1, y: 0.1, width: 0.2, height: 0.2 }] }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(`Image "${names[1]}" (sample 1), box 1: class 7 is not one of the 2 class(es) (raccoon, dog).`);
    const flat = await call('POST', `/api/datasets/${datasetId}/versions`, {
      as: editor,
      body: { parent: 2, boxes: [{ index: 1, boxes: [{ classIndex: 0, x: 0.1, y: 0.1, width: 0, height: 0.2 }] }] },
    });
    expect(flat.status).toBe(400);
    expect(flat.body.error.message).toBe(`Image "${names[1]}" (sample 1), box 1: A box has a width above 0.`);
    const missing = await call('POST', `/api/datasets/${datasetId}/versions`, {
      as: editor,
      body: { parent: 2, boxes: [{ index: 99, boxes: [] }] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('There is no sample 99; the version has 3.');
    expect(await db().datasetVersion.count({ where: { datasetId } })).toBe(before);
  });

  it('removing every box of an image makes it unlabelled again', async () => {
    const saved = await call('POST', `/api/datasets/${datasetId}/versions`, {
      as: editor,
      body: { parent: 2, boxes: [{ index: 0, boxes: null }] },
    });
    expect(saved.status).toBe(201);
    const meta = (await call('GET', `/api/datasets/${datasetId}/versions/${saved.body.number}/meta`, { as: editor })).body;
    expect(meta.counts).toMatchObject({ train: 1, unlabelled: 2 });
    // A detection class counts its boxes: image 2 keeps one raccoon and one dog.
    const detail = (await call('GET', `/api/datasets/${datasetId}/versions/${saved.body.number}`, { as: editor })).body;
    expect(detail.meta.classCounts).toEqual([1, 1]);
  });

  it('a viewer reads the boxes but cannot save any; boxes on a classification dataset are refused', async () => {
    const head = (await call('GET', `/api/datasets/${datasetId}`, { as: viewer })).body.headNumber;
    expect((await call('GET', `/api/datasets/${datasetId}/versions/${head}/samples?filter=all`, { as: viewer })).status).toBe(200);
    const refused = await call('POST', `/api/datasets/${datasetId}/versions`, {
      as: viewer,
      body: { parent: head, boxes: [{ index: 1, boxes: [{ classIndex: 0, x: 0.1, y: 0.1, width: 0.2, height: 0.2 }] }] },
    });
    expect(refused.status).toBe(403);
    expect(await db().datasetVersion.count({ where: { datasetId } })).toBe(head);
    const teamId = (await call('GET', '/api/teams', { as: editor })).body.teams[0].id;
    const classes = await upload(editor, teamId, zip({ 'a/1.jpg': photos()['yard/raccoon-31.jpg'] as Uint8Array }), {
      format: 'zip',
      options: { width: 16, height: 16 },
    });
    const wrong = await call('POST', `/api/datasets/${classes.body.datasetId}/versions`, {
      as: editor,
      body: { parent: 1, boxes: [{ index: 0, boxes: [{ classIndex: 0, x: 0.1, y: 0.1, width: 0.2, height: 0.2 }] }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('Boxes are labels of a detection dataset; this one is for classification.');
  });
});
