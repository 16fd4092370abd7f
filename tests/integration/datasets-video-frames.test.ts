import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { framesArchive } from '@/components/datasets/video/frames-archive';
import { labelToBoxes } from '@/engine/tasks/detection-boxes';
import { listDetectionRuns } from '@/server/datasets/list-detection-runs';
import { db } from '@/server/db/client';
import { fetchBatch, mnistEntries, upload, zip } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';
import { projectWithTemplate } from './training-support';

// Real JPEGs standing in for video frames (their sizes differ, as frames of one video would not; the archive does not care).
const IMAGES = path.resolve(import.meta.dirname, '../fixtures/detection/raccoon-voc/images');
const frame = (
  file: string,
  width: number,
  height: number,
  boxes: { classIndex: number; x: number; y: number; width: number; height: number }[],
) => ({
  name: file,
  width,
  height,
  boxes,
  bytes: new Uint8Array(readFileSync(path.join(IMAGES, file))),
});

/** What the video page sends: every frame stretched to the chosen size, as a detection dataset. */
const OPTIONS = { width: 32, height: 32, channels: 3, fit: 'fill', task: 'detection', split: { validation: 0, test: 0, seed: 1 } };

describeEachDatabase('datasets: frames labelled in the video labeller', () => {
  let vera: TestUser;
  let teamId: string;

  beforeAll(async () => {
    vera = await signUp('Vera Frames');
    teamId = (await call('GET', '/api/teams', { as: vera })).body.teams[0].id;
  });

  it('the archive built in the browser uploads as a detection dataset with every box where it was drawn', async () => {
    const drawn = [
      [{ classIndex: 1, x: 0.25, y: 0.125, width: 0.5, height: 0.625 }],
      [
        { classIndex: 0, x: 0.5, y: 0.5, width: 0.25, height: 0.25 },
        { classIndex: 1, x: 0, y: 0, width: 1, height: 1 },
      ],
      [],
    ];
    const archive = framesArchive(
      [
        frame('raccoon-150.jpg', 275, 183, drawn[0] ?? []),
        frame('raccoon-151.jpg', 225, 225, drawn[1] ?? []),
        frame('raccoon-31.jpg', 236, 214, []),
      ],
      ['car', 'raccoon'],
      'unlabelled',
    );
    const made = await upload(vera, teamId, archive, { name: 'Frames', format: 'zip', options: OPTIONS });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const base = `/api/datasets/${made.body.datasetId}/versions/1`;
    const meta = (await call('GET', `${base}/meta`, { as: vera })).body;
    expect(meta).toMatchObject({ task: 'detection', classes: ['car', 'raccoon'], featureShape: [32, 32, 3] });
    expect(meta.counts).toMatchObject({ train: 2, unlabelled: 1 });
    const batch = await fetchBatch(vera, `${base}/batches?split=train&offset=0&limit=10`);
    const stored = Array.from({ length: batch.size }, (_, i) => labelToBoxes(batch.labels.subarray(i * 80, (i + 1) * 80)));
    const byCount = stored.sort((a, b) => a.length - b.length);
    for (const [k, boxes] of byCount.entries()) {
      expect(boxes).toHaveLength(drawn[k]?.length ?? 0);
      boxes.forEach((box, b) => {
        const want = drawn[k]?.[b];
        expect(box.classIndex).toBe(want?.classIndex);
        for (const side of ['x', 'y', 'width', 'height'] as const) expect(box[side]).toBeCloseTo(want?.[side] as number, 5);
      });
    }
  });

  it('offers the finished runs on detection datasets of the caller’s teams as box proposers, and no others', async () => {
    const archive = framesArchive(
      [frame('raccoon-150.jpg', 275, 183, [{ classIndex: 0, x: 0.25, y: 0.25, width: 0.5, height: 0.5 }])],
      ['raccoon'],
      'omit',
    );
    const boxes = await upload(vera, teamId, archive, { name: 'Raccoon frames', format: 'zip', options: OPTIONS });
    const digits = await upload(vera, teamId, zip(mnistEntries(2)), { name: 'Digits', format: 'zip', options: { width: 28, height: 28 } });
    expect([boxes.status, digits.status]).toEqual([201, 201]);
    const versionOf = async (datasetId: string) =>
      (await db().datasetVersion.findFirstOrThrow({ where: { datasetId, number: 1 }, select: { id: true } })).id;
    const projectId = await projectWithTemplate(vera, 'mlp', 'Raccoon finder');
    const run = (datasetVersionId: string, status: 'completed' | 'running', label: string) =>
      db().trainingRun.create({ data: { projectId, versionNumber: 1, datasetVersionId, place: 'browser', status, config: {}, label } });
    const detector = await run(await versionOf(boxes.body.datasetId), 'completed', 'first try');
    await run(await versionOf(boxes.body.datasetId), 'running', 'still training');
    await run(await versionOf(digits.body.datasetId), 'completed', 'digits');
    expect(await listDetectionRuns(vera.id)).toEqual([{ id: detector.id, title: 'Raccoon finder v1 on Raccoon frames v1 (first try)' }]);
    const stranger = await signUp('Sam Stranger');
    expect(await listDetectionRuns(stranger.id)).toEqual([]);
  });
});
