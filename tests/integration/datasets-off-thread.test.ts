import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { upload, zip } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeOnOneDatabase } from './helpers/databases';

const IMAGES = 20_000;

/** A tiny grey PNG of the given shade. */
async function tinyPng(shade: number): Promise<Uint8Array> {
  const pixels = Buffer.alloc(8 * 8, shade);
  return new Uint8Array(
    await sharp(pixels, { raw: { width: 8, height: 8, channels: 1 } })
      .png()
      .toBuffer(),
  );
}

describeOnOneDatabase('uploads are decoded off the request-serving thread', () => {
  let alice: TestUser;
  let teamId: string;
  let archive: Uint8Array;

  beforeAll(async () => {
    alice = await signUp('Alice');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
    const shades = await Promise.all([0, 80, 160, 240].map(tinyPng));
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < IMAGES; i++) files[`shapes/c${i % 4}/${i}.png`] = shades[i % 4] as Uint8Array;
    archive = zip(files, 0);
  });

  it(`while ${IMAGES} PNGs ingest, other requests answer at once and this thread stays mostly idle`, async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const before = performance.eventLoopUtilization();
    delay.enable();
    let done = false;
    const uploading = upload(alice, teamId, archive, { format: 'zip', options: { width: 8, height: 8 } }).finally(() => {
      done = true;
    });
    const health: number[] = [];
    while (!done) {
      const started = performance.now();
      const answer = await call('GET', '/api/health');
      expect(answer.status).toBe(200);
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    delay.disable();
    const busy = performance.eventLoopUtilization(before).utilization;
    const made = await uploading;
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.report.kept).toBe(IMAGES);
    const version = await call('GET', `/api/datasets/${made.body.datasetId}/versions/1`, { as: alice });
    expect(version.body.meta?.classes ?? version.body.classes).toEqual(['c0', 'c1', 'c2', 'c3']);
    const worstHealthMs = Math.max(...health);
    const worstStallMs = delay.max / 1e6;
    console.log(
      `[off-thread] ${health.length} health checks, worst ${worstHealthMs.toFixed(0)} ms; event loop worst delay ${worstStallMs.toFixed(0)} ms, busy ${(busy * 100).toFixed(0)}%`,
    );
    // Decoding in place kept this thread busy almost all the time; forwarding chunks does not.
    expect(busy).toBeLessThan(0.5);
    expect(worstHealthMs).toBeLessThan(1000);
    expect(worstStallMs).toBeLessThan(500);
  }, 60_000);
});
