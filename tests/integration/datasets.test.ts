import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { openBatchSource } from '@/server/datasets/open-batch-source';
import { loadVersionData } from '@/server/datasets/read/version-data';
import { versionReader } from '@/server/datasets/read/version-reader';
import { db } from '@/server/db/client';
import { fetchBatch, MNIST_DIR, mnistEntries, upload, zip } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

const CSV = `height,weight,colour,kind
1.0,10,red,apple
2.0,20,green,pear
3.0,30,red,apple
4.0,40,green,pear
5.0,50,red,apple
6.0,60,green,pear
7.0,70,red,apple
8.0,80,green,pear
9.0,90,red,apple
10.0,100,green,pear
`;

async function allRows(as: TestUser, base: string, split: string, width: number, count: number) {
  const batch = await fetchBatch(as, `${base}/batches?split=${split}&offset=0&limit=${count + 5}`);
  const rows: number[][] = [];
  for (let i = 0; i < batch.size; i++)
    rows.push([...Array.from(batch.features.subarray(i * width, (i + 1) * width)), batch.labels[i] as number]);
  return rows;
}

describeEachDatabase('datasets', () => {
  let alice: TestUser;
  let teamId: string;

  it('uploads a CSV: columns typed, categories one-hot, split saved, batches hold exactly the values', async () => {
    alice = await signUp('Alice Data');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
    const made = await upload(alice, teamId, CSV, {
      name: 'Fruit',
      format: 'csv',
      source: 'Made up for a test',
      license: 'CC0',
      options: { label: 'kind', normalisation: 'none', split: { validation: 0.2, test: 0.2, seed: 3 } },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ number: 1, report: { read: 10, kept: 10, skippedCount: 0 } });
    const version = await call('GET', `/api/datasets/${made.body.datasetId}/versions/1`, { as: alice });
    expect(version.status).toBe(200);
    expect(version.body.meta).toMatchObject({
      kind: 'tabular',
      task: 'classification',
      featureShape: [4],
      classes: ['apple', 'pear'],
      counts: { train: 6, validation: 2, test: 2, unlabelled: 0 },
      classCounts: [5, 5],
      featureNames: ['height', 'weight', 'colour=green', 'colour=red'],
      split: { seed: 3, validation: 0.2, test: 0.2, stratify: true },
      license: 'CC0',
    });
    const base = `/api/datasets/${made.body.datasetId}/versions/1`;
    const meta = await call('GET', `${base}/meta`, { as: alice });
    expect(meta.body).toMatchObject({ name: 'Fruit', featureShape: [4], labelSize: 1, source: 'Made up for a test', license: 'CC0' });
    const rows = [
      ...(await allRows(alice, base, 'train', 4, 6)),
      ...(await allRows(alice, base, 'validation', 4, 2)),
      ...(await allRows(alice, base, 'test', 4, 2)),
    ];
    const expected = Array.from({ length: 10 }, (_, i) => [i + 1, (i + 1) * 10, i % 2 === 1 ? 1 : 0, i % 2 === 0 ? 1 : 0, i % 2]);
    expect(rows.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(expected);
    // Stratified: each split holds both classes in proportion.
    const validation = await allRows(alice, base, 'validation', 4, 2);
    expect(validation.map((r) => r[4]).sort()).toEqual([0, 1]);
  });

  it('keeps normalisation statistics from the training split and applies them to batches', async () => {
    const made = await upload(alice, teamId, CSV, { format: 'csv', options: { split: { validation: 0.2, test: 0.2, seed: 3 } } });
    expect(made.status).toBe(201);
    const base = `/api/datasets/${made.body.datasetId}/versions/1`;
    const detail = (await call('GET', base, { as: alice })).body;
    expect(detail.meta.normalisation.method).toBe('standard');
    expect(detail.meta.normalisation.mean.slice(2)).toEqual([0, 0]);
    expect(detail.meta.normalisation.std.slice(2)).toEqual([1, 1]);
    const train = await allRows(alice, base, 'train', 4, 6);
    const mean = train.reduce((s, r) => s + (r[0] as number), 0) / train.length;
    const sd = Math.sqrt(train.reduce((s, r) => s + ((r[0] as number) - mean) ** 2, 0) / train.length);
    expect(mean).toBeCloseTo(0, 5);
    expect(sd).toBeCloseTo(1, 4);
    // One-hot columns are left as 0/1.
    expect(new Set(train.map((r) => r[2]))).toEqual(new Set([0, 1]));
  });

  it('reports missing values and fills them with the training mean, or drops the rows', async () => {
    const csv = 'a,b,y\n1,,0.5\n2,4,1.5\n3,6,NA\n,8,2.5\n5,10,3.5\n6,12,4.5\n';
    const filled = await upload(alice, teamId, csv, {
      format: 'csv',
      options: { normalisation: 'none', split: { validation: 0, test: 0 } },
    });
    expect(filled.status, JSON.stringify(filled.body)).toBe(201);
    expect(filled.body.report.notes).toEqual([
      '1 row(s) without a label dropped.',
      '1 missing value(s) in "a" filled with 3.5.',
      '1 missing value(s) in "b" filled with 8.5.',
    ]);
    const meta = (await call('GET', `/api/datasets/${filled.body.datasetId}/versions/1`, { as: alice })).body.meta;
    expect(meta.task).toBe('regression');
    expect(meta.columns.map((c: { name: string; missing: number }) => [c.name, c.missing])).toEqual([
      ['a', 1],
      ['b', 1],
      ['y', 1],
    ]);
    const rows = await allRows(alice, `/api/datasets/${filled.body.datasetId}/versions/1`, 'train', 2, 5);
    expect(rows.sort((x, y) => (x[2] as number) - (y[2] as number))).toEqual([
      [1, 8.5, 0.5],
      [2, 4, 1.5],
      [3.5, 8, 2.5],
      [5, 10, 3.5],
      [6, 12, 4.5],
    ]);
    const dropped = await upload(alice, teamId, csv, { format: 'csv', options: { missing: 'drop', split: { validation: 0, test: 0 } } });
    expect(dropped.body.report).toMatchObject({ read: 6, kept: 3, skippedCount: 3 });
  });

  let imagesId: string;

  it('uploads a zip of class folders: images resized, classes from folders, unlabelled kept aside, pixels exact', async () => {
    const files: Record<string, Uint8Array> = { ...mnistEntries(30) };
    const spare = ['0_0029.png', '1_0029.png', '2_0029.png', '3_0029.png', '4_0029.png', '5_0029.png'];
    spare.forEach((file, i) => {
      files[`digits/unlabelled/u${i}.png`] = new Uint8Array(readFileSync(path.join(MNIST_DIR, file.slice(0, 1), file)));
    });
    const made = await upload(alice, teamId, zip(files), {
      name: 'Digits',
      format: 'zip',
      options: { width: 28, height: 28, channels: 1 },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    imagesId = made.body.datasetId;
    expect(made.body.report).toMatchObject({ read: 306, kept: 306, skippedCount: 0 });
    const detail = (await call('GET', `/api/datasets/${imagesId}/versions/1`, { as: alice })).body;
    expect(detail.meta).toMatchObject({
      kind: 'image',
      featureShape: [28, 28, 1],
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      classCounts: new Array(10).fill(30),
      counts: { unlabelled: 6 },
    });
    expect(detail.meta.counts.train + detail.meta.counts.validation + detail.meta.counts.test).toBe(300);
    // A sample read back equals its PNG's pixels / 255, and carries its folder's class.
    const data = await loadVersionData(detail.id);
    const reader = await versionReader(detail.id);
    const batch = await reader.read('train', 0, 5);
    const names = JSON.parse(
      new TextDecoder().decode(await (await import('@/server/blobs/read-blob')).readBlobBytes(data.manifest.names as string)),
    );
    for (let k = 0; k < batch.size; k++) {
      const name = names[batch.indexes[k] as number] as string;
      const [, digit, file] = name.split('/');
      const raw = await sharp(readFileSync(path.join(MNIST_DIR, digit as string, file as string)))
        .grayscale()
        .raw()
        .toBuffer();
      expect(Array.from(batch.features.subarray(k * 784, (k + 1) * 784))).toEqual(Array.from(raw, (v) => Math.fround(v / 255)));
      expect(batch.labels[k]).toBe(Number(digit));
    }
    // The gallery lists samples and serves them as PNGs; the unlabelled ones can be found.
    const unlabelled = await call('GET', `/api/datasets/${imagesId}/versions/1/samples?filter=unlabelled`, { as: alice });
    expect(unlabelled.body.total).toBe(6);
    expect(unlabelled.body.samples[0]).toMatchObject({ label: null, split: 'none' });
    const { GET } = await import('@/app/api/datasets/[datasetId]/versions/[number]/samples/[index]/route');
    const png = await GET(new Request(`http://localhost:3000/x`, { headers: { cookie: alice.cookie } }), {
      params: Promise.resolve({ datasetId: imagesId, number: '1', index: String(unlabelled.body.samples[0].index) }),
    });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await png.arrayBuffer())).metadata()).width).toBe(28);
  });

  it('labelling makes a new version that shares every shard; a stale parent is refused', async () => {
    const before = await db().blob.count();
    const unlabelled = (await call('GET', `/api/datasets/${imagesId}/versions/1/samples?filter=unlabelled`, { as: alice })).body.samples;
    const labels = unlabelled.slice(0, 5).map((s: { index: number }, i: number) => ({ index: s.index, label: i }));
    const made = await call('POST', `/api/datasets/${imagesId}/versions`, { as: alice, body: { parent: 1, labels } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.number).toBe(2);
    const v1 = await loadVersionData((await call('GET', `/api/datasets/${imagesId}/versions/1`, { as: alice })).body.id);
    const v2 = await loadVersionData(made.body.versionId);
    expect(v2.manifest.shards).toEqual(v1.manifest.shards);
    expect(v2.manifest.names).toBe(v1.manifest.names);
    expect(v2.meta.counts.unlabelled).toBe(1);
    expect(v2.meta.classCounts?.slice(0, 5)).toEqual([31, 31, 31, 31, 31]);
    // Earlier labelled samples keep their split.
    for (let i = 0; i < v1.split.length; i++) if (v1.split[i] !== 255) expect(v2.split[i]).toBe(v1.split[i]);
    expect((await db().blob.count()) - before).toBe(2);
    const stale = await call('POST', `/api/datasets/${imagesId}/versions`, { as: alice, body: { parent: 1, labels } });
    expect(stale.status).toBe(409);
    const badClass = await call('POST', `/api/datasets/${imagesId}/versions`, {
      as: alice,
      body: { parent: 2, labels: [{ index: 0, label: 10 }] },
    });
    expect(badClass.status).toBe(400);
    expect(badClass.body.error.message).toContain('Class 10 does not exist');
  });

  it('splits again with another seed and fractions: a new version, stratified', async () => {
    const made = await call('POST', `/api/datasets/${imagesId}/versions`, {
      as: alice,
      body: { parent: 2, split: { validation: 0.1, test: 0.3, seed: 99 }, message: 'more test data' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const v3 = (await call('GET', `/api/datasets/${imagesId}/versions/3`, { as: alice })).body;
    expect(v3.message).toBe('more test data');
    expect(v3.meta.split).toEqual({ validation: 0.1, test: 0.3, seed: 99, stratify: true });
    // 30 % of each class: 9 of 30 for digits 5–9, and 9 of 31 (9.3, rounded) for digits 0–4.
    expect(v3.meta.counts.test).toBe(90);
    const list = await call('GET', `/api/teams/${teamId}/datasets`, { as: alice });
    const digits = list.body.datasets.find((d: { id: string }) => d.id === imagesId);
    expect(digits.versions.map((v: { number: number }) => v.number)).toEqual([3, 2, 1]);
    expect(digits.headNumber).toBe(3);
  });

  it('streams batches to training: each epoch covers the split once, the seed fixes the order, HTTP and worker agree', async () => {
    const versionId = (await call('GET', `/api/datasets/${imagesId}/versions/3`, { as: alice })).body.id;
    const source = await openBatchSource({ datasetVersionId: versionId });
    expect(source.featureShape).toEqual([28, 28, 1]);
    expect(source.classes).toHaveLength(10);
    const epoch = async (seed: number) => {
      const labels: number[] = [];
      const firstPixels: number[] = [];
      for await (const b of source.batches('train', { batchSize: 32, shuffleSeed: seed })) {
        expect(b.size).toBeLessThanOrEqual(32);
        labels.push(...b.labels);
        for (let k = 0; k < b.size; k++) firstPixels.push(b.features.subarray(k * 784, (k + 1) * 784).reduce((a, v) => a + v, 0));
      }
      return { labels, firstPixels };
    };
    const a = await epoch(1);
    const b = await epoch(1);
    const c = await epoch(2);
    expect(a.labels.length).toBe(source.count('train'));
    expect(a).toEqual(b);
    expect(c.firstPixels).not.toEqual(a.firstPixels);
    expect([...c.firstPixels].sort()).toEqual([...a.firstPixels].sort());
    // The browser's endpoint serves the same order for the same seed.
    const http = await fetchBatch(alice, `/api/datasets/${imagesId}/versions/3/batches?split=train&offset=32&limit=32&seed=1`);
    expect(Array.from(http.labels)).toEqual(a.labels.slice(32, 64));
  });

  it('httpBatchSource reads the endpoints with prefetch and gets exactly what the worker gets', async () => {
    const { httpBatchSource } = await import('@/components/datasets/http-batch-source');
    const batches = await import('@/app/api/datasets/[datasetId]/versions/[number]/batches/route');
    const metaRoute = await import('@/app/api/datasets/[datasetId]/versions/[number]/meta/route');
    const requested: string[] = [];
    const realFetch = globalThis.fetch;
    // The browser's fetch, answered by the real route handlers with Alice's session.
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = new URL(String(input), 'http://localhost:3000');
      requested.push(url.pathname.split('/').pop() + url.search);
      const params = Promise.resolve({ datasetId: imagesId, number: '3' });
      const request = new Request(url, { headers: { cookie: alice.cookie } });
      return url.pathname.endsWith('/meta') ? metaRoute.GET(request, { params }) : batches.GET(request, { params });
    }) as typeof fetch;
    try {
      const source = await httpBatchSource({ datasetId: imagesId, number: 3 });
      expect(source.meta.counts).toEqual((await call('GET', `/api/datasets/${imagesId}/versions/3`, { as: alice })).body.meta.counts);
      const versionId = (await call('GET', `/api/datasets/${imagesId}/versions/3`, { as: alice })).body.id;
      const worker = await openBatchSource({ datasetVersionId: versionId });
      const fromHttp: number[] = [];
      const fromWorker: number[] = [];
      for await (const b of source.batches('validation', { batchSize: 8, shuffleSeed: 5 }))
        fromHttp.push(...b.labels, b.features[300] as number);
      for await (const b of worker.batches('validation', { batchSize: 8, shuffleSeed: 5 }))
        fromWorker.push(...b.labels, b.features[300] as number);
      expect(fromHttp).toEqual(fromWorker);
      // Samples are fetched in blocks of 128, the next one asked for while the current one is used.
      expect(requested[0]).toBe('meta');
      expect(requested.slice(1).every((r) => r.startsWith('batches?split=validation') && r.includes('limit=128'))).toBe(true);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('serves built-ins through the same endpoints, with source and license', async () => {
    const list = await call('GET', '/api/builtin-datasets', { as: alice });
    expect(list.body.datasets.find((d: { name: string }) => d.name === 'fashion')).toMatchObject({ license: 'MIT', kind: 'image' });
    const meta = await call('GET', '/api/builtin-datasets/digits/meta', { as: alice });
    expect(meta.body).toMatchObject({ featureShape: [28, 28, 1], counts: { train: 7001, validation: 999, test: 2000, unlabelled: 0 } });
    const batch = await fetchBatch(alice, '/api/builtin-datasets/iris/batches?split=test&limit=100');
    expect(batch.size).toBe(24);
    expect(batch.shape).toEqual([4]);
    const seeded = await fetchBatch(alice, '/api/builtin-datasets/spiral/batches?split=train&limit=3&dataSeed=5');
    const other = await fetchBatch(alice, '/api/builtin-datasets/spiral/batches?split=train&limit=3&dataSeed=6');
    expect(seeded.features).not.toEqual(other.features);
    const unknown = await call('GET', '/api/builtin-datasets/nope/meta', { as: alice });
    expect(unknown.status).toBe(404);
    const tooBig = await fetchBatch(alice, '/api/builtin-datasets/digits/batches?limit=4096&split=train');
    expect(tooBig.status).toBe(200);
  });

  it('deletes a dataset with the blobs only it used, keeping shards another dataset shares', async () => {
    const first = await upload(alice, teamId, CSV, { format: 'csv', name: 'one' });
    const second = await upload(alice, teamId, CSV, { format: 'csv', name: 'two' });
    const blobs = await db().blob.count();
    expect((await call('DELETE', `/api/datasets/${first.body.datasetId}`, { as: alice })).status).toBe(204);
    expect(await db().blob.count()).toBe(blobs);
    const v = (await call('GET', `/api/datasets/${second.body.datasetId}/versions/1`, { as: alice })).body;
    expect((await fetchBatch(alice, `/api/datasets/${second.body.datasetId}/versions/1/batches?limit=3`)).size).toBe(3);
    expect(v.number).toBe(1);
    expect((await call('DELETE', `/api/datasets/${second.body.datasetId}`, { as: alice })).status).toBe(204);
    expect(await db().blob.count()).toBeLessThan(blobs);
  });

  it('clears complete dataset blobs that no version uses once they are a day old, and nothing else', async () => {
    const { deleteOrphanDatasetBlobs } = await import('@/server/datasets/delete-orphan-blobs');
    const old = new Date(Date.now() - 2 * 86_400_000);
    const orphan = await db().blob.create({ data: { hash: 'f'.repeat(64), mediaType: 'application/x-netcanvas-shard', createdAt: old } });
    const other = await db().blob.create({ data: { hash: 'e'.repeat(64), mediaType: 'application/octet-stream', createdAt: old } });
    const inUse = await db().datasetVersionBlob.findFirstOrThrow({ select: { blobHash: true } });
    await db().blob.update({ where: { hash: inUse.blobHash }, data: { createdAt: old } });
    expect(await deleteOrphanDatasetBlobs()).toBe(1);
    expect(await db().blob.findUnique({ where: { id: orphan.id } })).toBeNull();
    expect(await db().blob.findUnique({ where: { id: other.id } })).not.toBeNull();
    expect(await db().blob.findUnique({ where: { hash: inUse.blobHash } })).not.toBeNull();
    await db().blob.delete({ where: { id: other.id } });
  });
});
