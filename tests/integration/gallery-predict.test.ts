import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeTf } from '@/engine/backends/node-tf';
import { db } from '@/server/db/client';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { FIXTURES } from '../support/fixtures';
import { pretrainedRunResult } from '../support/pretrained-run';
import { call, ORIGIN, routeModule, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

const DIGITS = path.join(FIXTURES, 'datasets/mnist-png-30-per-class');
const digitPng = (d: number, k = 0) => {
  const file = readdirSync(path.join(DIGITS, String(d))).sort()[k] as string;
  return new Uint8Array(readFileSync(path.join(DIGITS, String(d), file)));
};

/** Sends raw bytes to a route handler (the JSON helper only sends JSON). */
async function send(
  file: string,
  method: 'POST' | 'PUT',
  url: string,
  params: Record<string, string>,
  body: Uint8Array,
  headers: Record<string, string>,
) {
  const handler = (await routeModule(file))[method] as (
    req: Request,
    ctx: { params: Promise<Record<string, string>> },
  ) => Promise<Response>;
  const response = await handler(
    new Request(`${ORIGIN}${url}`, { method, headers: { origin: ORIGIN, ...headers }, body: body.slice().buffer }),
    {
      params: Promise.resolve(params),
    },
  );
  return { status: response.status, body: await response.json() };
}

const predictImage = (user: { cookie?: string; token?: string }, runId: string, bytes: Uint8Array, type = 'image/png') =>
  send('runs/[runId]/predict', 'POST', `/api/runs/${runId}/predict?top=3`, { runId }, bytes, {
    'content-type': type,
    ...(user.cookie ? { cookie: user.cookie } : { authorization: `Bearer ${user.token}` }),
  });

/** A PNG whose header says 8000 × 6250 (50 megapixels), with almost no data: it must be refused from the header. */
function fiftyMegapixelPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8000, 0);
  ihdr.writeUInt32BE(6250, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(8001))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

/**
 * The gallery opened as a project (its pretrained weights stored with version 1), and a finished
 * run predicting through POST /api/runs/:runId/predict with real images and rows, in the server
 * process, with project-scoped predict tokens.
 */
describeEachDatabase('gallery projects and predictions', () => {
  let alice: TestUser;
  let teamId: string;
  let projectId: string;
  let runId: string;

  beforeAll(async () => {
    alice = await signUp('Alice Predict');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
  });
  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('opens a gallery model as a project whose version 1 keeps the pretrained weights as a blob', async () => {
    const opened = await call('POST', `/api/teams/${teamId}/gallery/digits-cnn`, { as: alice, body: { variant: 'full' } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ headNumber: 1, name: 'Handwritten digits CNN' });
    projectId = opened.body.id;
    const version = await db().version.findUniqueOrThrow({
      where: { projectId_number: { projectId, number: 1 } },
      include: { weights: true },
    });
    expect(version.weights?.source).toBe('gallery:digits-cnn/full');
    const blob = await db().blob.findUniqueOrThrow({ where: { hash: version.weights?.blobHash as string } });
    const specs = version.weights?.weightSpecs as { shape: number[] }[];
    expect(Number(blob.size)).toBe(specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * 4, 0));

    const wrong = await call('POST', `/api/teams/${teamId}/gallery/digits-cnn`, { as: alice, body: { variant: 'nope' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/no variant "nope"; expected one of full, backbone/);
    expect((await call('POST', `/api/teams/${teamId}/gallery/resnet-9000`, { as: alice, body: { variant: 'full' } })).status).toBe(404);
  });

  it('refuses to predict with a run that has no weights', async () => {
    const run = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'digits' }, place: 'browser', backend: 'wasm', settings: { training: { epochs: 1 } } },
    });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const answer = await predictImage(alice, run.body.id, digitPng(3));
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/no trained weights \(it is running\)/);
    runId = run.body.id;
  });

  it('classifies real digit images with the finished run, top-k with probabilities', async () => {
    const result = await pretrainedRunResult('digits-cnn');
    const uploaded = await send('runs/[runId]/weights.bin', 'PUT', `/api/runs/${runId}/weights.bin`, { runId }, result.bytes, {
      cookie: alice.cookie,
    });
    expect(uploaded.status).toBe(201);
    const finished = await call('POST', `/api/runs/${runId}/finish`, {
      as: alice,
      body: {
        status: 'completed',
        weights: { hash: uploaded.body.hash, modelTopology: result.modelTopology, weightSpecs: result.weightSpecs },
      },
    });
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    let correct = 0;
    for (let d = 0; d < 10; d++) {
      const answer = await predictImage(alice, runId, digitPng(d, 1));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const [prediction] = answer.body.predictions;
      expect(prediction.top).toHaveLength(3);
      expect(prediction.top[0].probability).toBeGreaterThanOrEqual(prediction.top[1].probability);
      if (prediction.label === String(d)) correct++;
    }
    expect(correct).toBeGreaterThanOrEqual(9);
    // The same image as a row of pixel values gives the same answer.
    const sharp = (await import('sharp')).default;
    const pixels = await sharp(digitPng(7, 1)).grayscale().raw().toBuffer();
    const row = Array.from(pixels, (v) => v / 255);
    const byRow = await call('POST', `/api/runs/${runId}/predict`, { as: alice, body: { rows: [row, row] } });
    expect(byRow.status).toBe(200);
    expect(byRow.body.predictions).toHaveLength(2);
    expect(byRow.body.predictions[0].label).toBe('7');
  });

  it('exports the run as a deployable zip: TF.js files that predict the same, metadata, and a short page', async () => {
    const handler = (await routeModule('runs/[runId]/export.zip')).GET as (
      req: Request,
      ctx: { params: Promise<Record<string, string>> },
    ) => Promise<Response>;
    const response = await handler(new Request(`${ORIGIN}/api/runs/${runId}/export.zip`, { headers: { cookie: alice.cookie } }), {
      params: Promise.resolve({ runId }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="Handwritten-digits-CNN-v1\.zip"/);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['index.html', 'metadata.json', 'model.json', 'tf.min.js', 'weights.bin']);
    const metadata = JSON.parse(strFromU8(files['metadata.json'] as Uint8Array));
    expect(metadata).toMatchObject({
      labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      preprocessing: { kind: 'image', height: 28, width: 28, channels: 1 },
      check: { status: 'passed', samples: 4, problems: [] },
    });
    expect(metadata.check.message).toMatch(
      /^Checked: reloaded in TF\.js, predictions match the original (exactly|within \S+) on 4 samples\.$/,
    );
    const html = strFromU8(files['index.html'] as Uint8Array);
    expect(html).toContain("tf.loadLayersModel('model.json')");
    expect(html.trim().split('\n').length).toBeLessThanOrEqual(12);
    const tf = await nodeTf();
    const modelJson = JSON.parse(strFromU8(files['model.json'] as Uint8Array));
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest[0].weights,
        weightData: (files['weights.bin'] as Uint8Array).slice().buffer,
      }),
    );
    const sharp = (await import('sharp')).default;
    const pixels = await sharp(digitPng(5, 1)).grayscale().raw().toBuffer();
    const x = tf.tensor4d(
      Float32Array.from(pixels, (v) => v / 255),
      [1, 28, 28, 1],
    );
    const local = Array.from(await (model.predict(x) as import('@tensorflow/tfjs').Tensor).data());
    const remote = await predictImage(alice, runId, digitPng(5, 1));
    const top = remote.body.predictions[0].top[0];
    expect(local[Number(top.label)]).toBeCloseTo(top.probability, 5);
    x.dispose();
    model.dispose();
  });

  it('answers bad input with a 400 that says what was expected', async () => {
    const short = await call('POST', `/api/runs/${runId}/predict`, { as: alice, body: { rows: [[1, 2, 3]] } });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/Row 1 has 3 values, but this run's network takes 784 \(28×28×1 pixel values/);
    const words = await call('POST', `/api/runs/${runId}/predict`, { as: alice, body: { rows: [['a']] } });
    expect(words.status).toBe(400);
    const broken = await predictImage(alice, runId, new TextEncoder().encode('this is not a picture'));
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/The image cannot be used: not an image file/);
    const truncated = await predictImage(alice, runId, digitPng(1).slice(0, 60));
    expect(truncated.status).toBe(400);
    const huge = await predictImage(alice, runId, fiftyMegapixelPng());
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(/8000×6250 pixels, more than the 40-megapixel limit/);
    const text = await send('runs/[runId]/predict', 'POST', `/api/runs/${runId}/predict`, { runId }, new Uint8Array(3), {
      cookie: alice.cookie,
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(/Send JSON/);
  });

  it('accepts predict tokens for their own project only, nowhere else, and not once revoked', async () => {
    const made = await call('POST', '/api/tokens', { as: alice, body: { name: 'kiosk', scope: 'predict', projectId } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ scope: 'predict', projectId });
    const token = made.body.token as string;
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: made.body.id } });
    expect(stored.tokenHash).not.toContain(token.slice(3));
    expect((await predictImage({ token }, runId, digitPng(4))).status).toBe(200);
    // Out of scope: any other route, and another project's run.
    const other = await call('GET', `/api/runs/${runId}`, { as: { token } });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/only be used for predictions/);
    expect((await call('POST', '/api/tokens', { as: { token }, body: { name: 'more' } })).status).toBe(403);
    const second = await call('POST', `/api/teams/${teamId}/gallery/digits-cnn`, { as: alice, body: { variant: 'full' } });
    const elsewhere = await call('POST', `/api/projects/${second.body.id}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { builtin: 'digits' }, place: 'browser', backend: 'wasm' },
    });
    const refused = await predictImage({ token }, elsewhere.body.id, digitPng(4));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/scoped to another project/);
    // A predict token needs its project, and only for projects the maker can see.
    expect((await call('POST', '/api/tokens', { as: alice, body: { name: 'x', scope: 'predict' } })).status).toBe(400);
    const stranger = await signUp('Stranger');
    expect((await call('POST', '/api/tokens', { as: stranger, body: { name: 'x', scope: 'predict', projectId } })).status).toBe(404);
    // Revoked: refused.
    expect((await call('DELETE', `/api/tokens/${made.body.id}`, { as: alice })).status).toBe(204);
    expect((await predictImage({ token }, runId, digitPng(4))).status).toBe(401);
  });

  it('limits predictions per caller per minute', async () => {
    const previous = process.env.NETCANVAS_PREDICT_PER_MINUTE;
    process.env.NETCANVAS_PREDICT_PER_MINUTE = '2';
    try {
      const bob = await signUp('Bob Limits');
      await db().membership.create({ data: { teamId, userId: bob.id, role: 'viewer' } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await predictImage(bob, runId, digitPng(2))).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      if (previous === undefined) delete process.env.NETCANVAS_PREDICT_PER_MINUTE;
      else process.env.NETCANVAS_PREDICT_PER_MINUTE = previous;
    }
  });
});
