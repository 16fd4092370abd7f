import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { seededRandom } from '@/engine/data/random';
import { ImageOptionsSchema } from '@/server/datasets/ingest/options';
import { Staging } from '@/server/datasets/ingest/staging';
import { openBatchSource } from '@/server/datasets/open-batch-source';
import { setShardCacheBytes, shardCacheBytes } from '@/server/datasets/read/shard-cache';
import { buildImageVersion } from '@/server/datasets/store/build-version';
import { commitVersion } from '@/server/datasets/store/commit-version';
import { db } from '@/server/db/client';
import { signUp } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

const COUNT = 60_000;
const SIZE = 28 * 28;

// A full collection before each reading, so the figure is what is still held, not garbage waiting.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Held memory: JS heap plus ArrayBuffers (where batches and shards live), after a full collection. */
const held = () => {
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describeEachDatabase('datasets: streaming a 60,000-image version to training', () => {
  it('reads epochs batch by batch with flat memory far below the set, and every sample exactly once', async () => {
    const user = await signUp('Streamer');
    const team = await db().team.findFirstOrThrow({ where: { memberships: { some: { userId: user.id } } } });
    // 60,000 synthetic 28×28 images in 10 classes; pixel 0 of each encodes its class, pixel 1–3 its number.
    const staging = new Staging(SIZE);
    const random = seededRandom(1);
    const record = new Uint8Array(SIZE);
    for (let i = 0; i < COUNT; i++) {
      for (let j = 4; j < SIZE; j++) record[j] = (random() * 256) | 0;
      record[0] = i % 10;
      record[1] = i & 0xff;
      record[2] = (i >> 8) & 0xff;
      record[3] = (i >> 16) & 0xff;
      staging.append(record, i % 10, `n/${i}`);
    }
    const options = ImageOptionsSchema.parse({ split: { validation: 0.1, test: 0.1, seed: 4 } });
    const classes = Array.from({ length: 10 }, (_, i) => String(i));
    const built = await buildImageVersion({ staging, classes, skipped: [], files: COUNT }, options, 'test', new Set());
    staging.close();
    const { versionId } = await commitVersion({
      target: { create: { teamId: team.id, name: 'Big', description: '', kind: 'image', source: '' } },
      message: 'big',
      userId: user.id,
      meta: built.meta,
      manifest: built.manifest,
    });
    expect(built.manifest.shards.length).toBeGreaterThan(10);

    setShardCacheBytes(8 * 1024 * 1024);
    try {
      const source = await openBatchSource({ datasetVersionId: versionId });
      expect(source.count('train')).toBe(48_000);
      // A first epoch warms the database (the embedded one grows its own memory once); the second is measured.
      for await (const _ of source.batches('train', { batchSize: 64, shuffleSeed: 6 })) void _;
      const seen = new Uint8Array(COUNT);
      const before = held();
      let peak = 0;
      let batches = 0;
      let wrongLabels = 0;
      for await (const batch of source.batches('train', { batchSize: 64, shuffleSeed: 7 })) {
        for (let k = 0; k < batch.size; k++) {
          const at = k * SIZE;
          const px = (j: number) => Math.round((batch.features[at + j] as number) * 255);
          const n = px(1) | (px(2) << 8) | (px(3) << 16);
          seen[n] = (seen[n] as number) + 1;
          if (batch.labels[k] !== px(0)) wrongLabels++;
        }
        if (++batches % 25 === 0) peak = Math.max(peak, held() - before);
      }
      const seenOnce = seen.reduce((a, v) => a + (v === 1 ? 1 : 0), 0);
      expect(seenOnce).toBe(48_000);
      expect(seen.every((v) => v <= 1)).toBe(true);
      expect(wrongLabels).toBe(0);
      // The whole split as Float32 is 150 MB and its pixels 38 MB: an epoch holds a fraction of either.
      expect(peak).toBeLessThan(64 * 1024 * 1024);
      expect(shardCacheBytes()).toBeLessThanOrEqual(8 * 1024 * 1024);
    } finally {
      setShardCacheBytes(64 * 1024 * 1024);
    }
  }, 180_000);
});
