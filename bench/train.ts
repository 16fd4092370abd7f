/**
 * `npm run bench:train` — training, measured in one run:
 *
 *   1. accuracy: real server runs, queued as pg-boss jobs and trained by a real worker process
 *      (`worker/main.ts`) on the wasm backend — the LeNet-5 template on the built-in digits, the MLP
 *      template on Iris and on the spiral — each with its test accuracy, epochs and wall time;
 *   2. throughput: samples/s of the worker's own training code (`trainOnServer`: compile, stream
 *      batches from the BatchSource, record and checkpoint every epoch, publish progress) against the
 *      same LeNet written by hand in TF.js and trained with `model.fit` on tensors in memory, same
 *      backend, same data, alternating which goes first;
 *   2b. the whole server run against its own training loop: a 5-epoch LeNet-5 run on the digits
 *      through `trainOnServer`, samples/s from its first step to its files against samples/s of the
 *      forward and backward passes alone, with the per-phase split the run records (goal ≥ 0.9);
 *   3. browser: samples/s of LeNet training on the Train page (module Web Worker, batches from the
 *      HTTP endpoint) in Chromium, once forced to each of webgpu, webgl, wasm and cpu, and wasm once more
 *      on a page that is not cross-origin isolated (one thread), with the ratio of the two;
 *   4. scale-out: `bench/scale.ts` in a process of its own (N workers, N queued runs against one run
 *      alone, on a fresh PostgreSQL database), its figures carried into the summary.
 *
 * Uses PostgreSQL at 127.0.0.1:5432 (a fresh database, dropped after) when it is running, else the
 * embedded PGlite served on a local port.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { chromium, type Route } from '@playwright/test';
import pg from 'pg';
import { nodeTf } from '../engine/backends/node-tf';
import { loadBuiltinDataset } from '../engine/data/builtins';
import { SPLIT } from '../engine/data/dataset';
import { templateGraph } from '../engine/templates';
import { prepareModel } from '../engine/train/prepare-model';
import { timingSummary } from '../engine/train/timing-summary';
import { spawnScript } from '../scripts/spawn-script';
import { openBatchSource } from '../server/datasets/open-batch-source';
import { useDatabase as connectTo, db } from '../server/db/client';
import { applyMigrations } from '../server/db/migrate';
import { startPgliteHost } from '../server/db/pglite-host';
import { createProject } from '../server/projects/create-project';
import { setUpNewUser } from '../server/teams/set-up-new-user';
import { createRun } from '../server/training/create-run';
import { getRun } from '../server/training/get-run';
import { claimRun } from '../server/training/lease';
import { closeTrainQueue } from '../server/training/queue';
import { closeRunEvents } from '../server/training/run-events';
import type { RunSettings } from '../server/training/schemas';
import { trainOnServer } from '../server/training/train-on-server';
import { startApp } from '../tests/e2e/server';
import { chromiumOptions } from './support';

const root = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const log = (s: string) => console.log(s);
const results: string[] = [];

// ── Database ────────────────────────────────────────────────────────────────────────────────
async function openDatabase(): Promise<{ url: string; kind: string; close(): Promise<void> }> {
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const name = `netcanvas_bench_${randomBytes(4).toString('hex')}`;
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      kind: 'PostgreSQL',
      close: async () => {
        const drop = new pg.Client({ connectionString: admin });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  } catch {
    await client.end().catch(() => undefined);
    const host = await startPgliteHost();
    return { url: host.url, kind: 'embedded PGlite', close: () => host.stop() };
  }
}

function startWorker(url: string): ChildProcess {
  const child = spawnScript('worker/main.ts', [], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.includes('[worker] run')) log(`    ${line.trim()}`);
  });
  child.stderr?.on('data', () => undefined);
  return child;
}

async function waitForRun(runId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db().trainingRun.findUniqueOrThrow({
      where: { id: runId },
      select: { status: true, finalMetrics: true, wallTimeMs: true, error: true, _count: { select: { epochs: true } } },
    });
    if (run.status !== 'queued' && run.status !== 'running') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

// ── 1. Accuracy on the server worker ────────────────────────────────────────────────────────
interface Target {
  title: string;
  template: string;
  dataset: string;
  settings: RunSettings;
  goal: number;
}

const TARGETS: Target[] = [
  {
    title: 'MLP on the spiral',
    template: 'mlp',
    dataset: 'spiral',
    settings: { training: { epochs: 100, batchSize: 16, schedule: { kind: 'cosine', minRate: 0.0005 } } },
    goal: 0.97,
  },
  { title: 'MLP on Iris', template: 'mlp', dataset: 'iris', settings: { training: { epochs: 100, batchSize: 16 } }, goal: 0.95 },
  {
    title: 'LeNet-5 on the digits',
    template: 'lenet5',
    dataset: 'digits',
    settings: {
      // 7,000 training digits: mild augmentation and a cosine-decayed learning rate keep LeNet from
      // overfitting; the weights kept are those of the epoch with the best validation accuracy.
      training: {
        epochs: 30,
        batchSize: 32,
        learningRate: 0.002,
        schedule: { kind: 'cosine', minRate: 0.00002 },
        earlyStopping: { monitor: 'val_acc', patience: 10 },
      },
      augmentation: { rotation: 8, shift: 0.06, zoom: 0.05, flipHorizontal: false, flipVertical: false, brightness: 0, noise: 0 },
    },
    goal: 0.98,
  },
];

async function accuracy(url: string, userId: string, teamId: string): Promise<void> {
  log('\n1. Accuracy: server runs queued as pg-boss jobs, trained by a worker process on wasm');
  const worker = startWorker(url);
  try {
    for (const target of TARGETS) {
      const project = await createProject(userId, teamId, { name: target.title, description: '', template: target.template });
      const run = await createRun(userId, project.id, {
        versionNumber: 1,
        dataset: { builtin: target.dataset },
        place: 'server',
        settings: target.settings,
      });
      log(`  ${target.title}: queued run ${run.id}`);
      const done = await waitForRun(run.id, 30 * 60_000);
      const m = (done.finalMetrics ?? {}) as Record<string, number>;
      const acc = m.testAccuracy ?? 0;
      const line = `${target.title.padEnd(24)} test accuracy ${(acc * 100).toFixed(2)} % (goal ≥ ${target.goal * 100} %) after ${done._count.epochs} epochs, wall time ${((done.wallTimeMs ?? 0) / 1000).toFixed(1)} s, ${Math.round(m.samplesPerSecond ?? 0)} samples/s   ${acc >= target.goal ? 'OK' : 'MISSED'}`;
      if (done.status !== 'completed') log(`    run ${done.status}: ${done.error}`);
      log(`  ${line}`);
      results.push(line);
    }
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
  }
}

// ── 2. Throughput: the worker's code against hand-written TF.js ────────────────────────────────
async function throughput(userId: string, teamId: string): Promise<void> {
  log("\n2. Throughput on wasm: the worker's trainOnServer vs the same LeNet hand-written in TF.js (model.fit)");
  const tf = await nodeTf();
  const dataset = await loadBuiltinDataset('digits');
  if (!dataset) throw new Error('no digits');
  const rows: number[] = [];
  dataset.split.forEach((s, i) => {
    if (s === SPLIT.train) rows.push(i);
  });
  const features = new Float32Array(rows.length * 784);
  rows.forEach((r, k) => {
    features.set(dataset.features.subarray(r * 784, (r + 1) * 784), k * 784);
  });
  const x = tf.tensor4d(features, [rows.length, 28, 28, 1]);
  const y = tf.tidy(() =>
    tf
      .oneHot(
        tf.tensor1d(
          rows.map((r) => dataset.labels[r] as number),
          'int32',
        ),
        10,
      )
      .toFloat(),
  );
  const batchSize = 64;
  const source = await openBatchSource({ builtin: 'digits' });
  const template = prepareModel(tf, templateGraph('lenet5') as NonNullable<ReturnType<typeof templateGraph>>, source, { batchSize });
  if (!template.ok) throw new Error(template.problem);
  const hand = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 120, activation: 'relu' }),
      tf.layers.dense({ units: 84, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  hand.setWeights(template.model.getWeights());
  template.model.dispose();
  hand.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const project = await createProject(userId, teamId, { name: 'Throughput', description: '', template: 'lenet5' });

  const byHand = async () => {
    const started = performance.now();
    await hand.fit(x, y, { batchSize, epochs: 1, shuffle: true, verbose: 0 });
    return rows.length / ((performance.now() - started) / 1000);
  };
  const byWorker = async () => {
    const run = await createRun(userId, project.id, {
      versionNumber: 1,
      dataset: { builtin: 'digits' },
      place: 'server',
      settings: { training: { epochs: 1, batchSize } },
    });
    const workerId = `bench:${process.pid}`;
    const claim = await claimRun(run.id, workerId, (await db().trainingRun.findUniqueOrThrow({ where: { id: run.id } })).jobId ?? 'bench');
    if (!claim.ok) throw new Error(`could not claim ${run.id}: ${claim.reason}`);
    await trainOnServer(tf, { runId: run.id, workerId, checkpoint: { epoch: null, hash: null } });
    const epoch = await db().runEpoch.findUniqueOrThrow({ where: { runId_epoch: { runId: run.id, epoch: 0 } } });
    return (epoch.metrics as Record<string, number>).samplesPerSecond as number;
  };
  await byHand();
  await byWorker();
  const a: number[] = [];
  const b: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    if (rep % 2 === 0) {
      a.push(await byWorker());
      b.push(await byHand());
    } else {
      b.push(await byHand());
      a.push(await byWorker());
    }
    log(`  rep ${rep + 1}: worker ${Math.round(a[rep] as number)} samples/s, hand-written ${Math.round(b[rep] as number)} samples/s`);
  }
  const ratio = median(a.map((v, i) => v / (b[i] as number)));
  const line = `LeNet-5 training on wasm  worker ${Math.round(median(a))} samples/s vs hand-written ${Math.round(median(b))} samples/s   ratio ${ratio.toFixed(3)} (median of 5 paired epochs; goal ≥ 0.98)   ${ratio >= 0.98 ? 'OK' : 'MISSED'}`;
  log(`  ${line}`);
  results.push(line);
  tf.dispose([x, y]);
  hand.dispose();
}

// ── 2b. The whole server run against its own training loop ──────────────────────────────────
async function wholeRun(userId: string, teamId: string): Promise<void> {
  log('\n2b. A whole server run (LeNet-5, digits, 5 epochs, wasm) against its own training loop');
  const tf = await nodeTf();
  const project = await createProject(userId, teamId, { name: 'Whole run', description: '', template: 'lenet5' });
  const ratios: number[] = [];
  let last: Awaited<ReturnType<typeof getRun>>['timing'] = null;
  for (let rep = 0; rep < 3; rep++) {
    const run = await createRun(userId, project.id, {
      versionNumber: 1,
      dataset: { builtin: 'digits' },
      place: 'server',
      settings: { training: { epochs: 5, batchSize: 64 } },
    });
    const workerId = `bench:${process.pid}`;
    const claim = await claimRun(run.id, workerId, (await db().trainingRun.findUniqueOrThrow({ where: { id: run.id } })).jobId ?? 'bench');
    if (!claim.ok) throw new Error(`could not claim ${run.id}: ${claim.reason}`);
    await trainOnServer(tf, { runId: run.id, workerId, checkpoint: { epoch: null, hash: null } });
    const detail = await getRun(run.id);
    const timing = detail.timing;
    if (!timing || !detail.wallTimeMs) throw new Error('the run recorded no timing');
    const summary = timingSummary(timing);
    // The run's record counts from its claim to its final status: preparing the data and storing the
    // weights included, beyond what the run driver timed.
    const recorded = timing.samples / (detail.wallTimeMs / 1000);
    const ratio = recorded / (summary.loopAlone ?? Number.POSITIVE_INFINITY);
    ratios.push(ratio);
    last = timing;
    log(
      `  rep ${rep + 1}: ${Math.round(recorded)} samples/s claim to completed (${(detail.wallTimeMs / 1000).toFixed(1)} s), ${Math.round(summary.endToEnd ?? 0)} in the run driver, ${Math.round(summary.loopAlone ?? 0)} for the loop alone; ratio ${ratio.toFixed(3)}`,
    );
  }
  if (last) {
    log('  where the time went (last rep):');
    for (const row of timingSummary(last).rows)
      log(`    ${row.phase.padEnd(13)} ${(row.ms / 1000).toFixed(2).padStart(7)} s  ${(row.share * 100).toFixed(1).padStart(5)} %`);
  }
  const ratio = median(ratios);
  const line = `Whole server run vs its training loop  ratio ${ratio.toFixed(3)} (median of 3 runs; goal ≥ 0.9)   ${ratio >= 0.9 ? 'OK' : 'MISSED'}`;
  log(`  ${line}`);
  results.push(line);
}

// ── 3. Browser samples/s per backend ─────────────────────────────────────────────────────────
async function browser(): Promise<void> {
  log('\n3. Browser: LeNet-5 on the digits on the Train page (module Web Worker), per backend, in Chromium');
  const app = await startApp({ name: 'bench-train' });
  // WebGPU is behind a flag in headless Chromium without a GPU; with it, the adapter is a software one.
  const chrome = await chromium.launch(chromiumOptions('--enable-unsafe-webgpu'));
  try {
    const context = await chrome.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const headers = { origin: app.url };
    const email = `bench${Date.now().toString(36)}@example.com`;
    await page.request.post(`${app.url}/api/auth/sign-up/email`, {
      headers,
      data: { name: 'Bench', email, password: 'a good long password' },
    });
    const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
    const project = await (
      await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, {
        headers,
        data: { name: 'LeNet', template: 'lenet5' },
      })
    ).json();
    // wasm twice: as the app serves it (cross-origin isolated, every core), and with the page's
    // COEP header taken off in the browser, which leaves it one thread, as before isolation.
    const passes = [
      { backend: 'webgpu', label: 'webgpu' },
      { backend: 'webgl', label: 'webgl' },
      { backend: 'wasm', label: 'wasm, threads' },
      { backend: 'wasm', label: 'wasm, 1 thread', isolated: false },
      { backend: 'cpu', label: 'cpu' },
    ];
    const notIsolated = async (route: Route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    };
    const wasmRates: number[] = [];
    for (const { backend, label, isolated = true } of passes) {
      if (!isolated) await page.route('**/projects/**', notIsolated);
      await page.goto(`${app.url}/projects/${project.id}/train`);
      const pageIsolated = await page.evaluate(() => crossOriginIsolated);
      await page.getByTestId('dataset-summary').waitFor();
      await page.getByLabel('Browser backend').selectOption(backend);
      await page.locator('#setting-batchSize').fill('64');
      await page.locator('#setting-epochs').fill('1');
      await page.getByRole('button', { name: 'Train in browser' }).click();
      const run = page.locator('.browser-run');
      // A backend the browser cannot start (WebGPU without an adapter, a kernel it lacks) ends the run with its reason.
      await run.locator('[data-samples-per-second]').or(page.locator('.browser-run[data-phase="error"]')).waitFor({ timeout: 120_000 });
      if ((await run.getAttribute('data-phase')) === 'error') {
        const line = `Browser ${label.padEnd(14)}  unavailable: ${((await run.textContent()) ?? '').replace(/\s+/g, ' ').slice(0, 160)}`;
        log(`  ${line}`);
        results.push(line);
        continue;
      }
      // Let it train a while past start-up (shader compilation, first batches), or to the end of its
      // epoch if that comes first, then read the pace of the recent batches.
      const wait = backend === 'cpu' ? 25_000 : 15_000;
      await page
        .locator('.browser-run[data-phase="done"]')
        .waitFor({ timeout: wait })
        .catch(() => undefined);
      const rate = Number(await run.locator('[data-samples-per-second]').getAttribute('data-samples-per-second'));
      await page
        .getByRole('button', { name: 'Stop' })
        .click({ timeout: 2000 })
        .catch(() => undefined);
      await page.locator('.browser-run[data-phase="done"]').waitFor({ timeout: 120_000 });
      const shown = (await page.getByTestId('backend').textContent()) ?? '';
      const threads = /wasm \((\d+) threads?\)/.exec(shown)?.[1];
      if (backend === 'wasm') wasmRates.push(rate);
      const line = `Browser ${label.padEnd(14)}  ${Math.round(rate)} samples/s (LeNet-5 on the digits, batch 64; page ${pageIsolated ? '' : 'not '}cross-origin isolated${threads ? `, ${threads} thread(s)` : ''})`;
      log(`  ${line}`);
      results.push(line);
      if (!isolated) await page.unroute('**/projects/**', notIsolated);
    }
    const [threaded, single] = wasmRates;
    if (threaded && single) {
      const line = `Browser wasm, threads / 1 thread: ${(threaded / single).toFixed(2)}`;
      log(`  ${line}`);
      results.push(line);
    }
    await context.close();
  } finally {
    await chrome.close();
    await app.stop();
  }
}

// ── 4. N workers, N runs ─────────────────────────────────────────────────────────────────────
async function scaleOut(): Promise<void> {
  log('\n4. Scale-out: N worker processes, N queued runs, against one run alone (bench/scale.ts)');
  const child = spawnScript('bench/scale.ts', [], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const figures = output.slice(output.indexOf('bench:scale')).trim().split('\n').slice(1);
  if (code !== 0 || figures.length === 0) {
    results.push(`Scale-out: bench/scale.ts failed (exit ${code}): ${output.trim().split('\n').at(-1) ?? ''}`);
    return;
  }
  for (const line of figures) {
    log(`  ${line}`);
    results.push(`Scale-out ${line}`);
  }
}

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const database = await openDatabase();
  log(`database: ${database.kind}`);
  await applyMigrations(database.url);
  await connectTo(database.url);
  try {
    const user = await db().user.create({
      data: { id: `bench-${randomBytes(4).toString('hex')}`, name: 'Bench', email: `bench-${Date.now()}@example.com` },
    });
    await setUpNewUser(db(), user);
    const team = await db().membership.findFirstOrThrow({ where: { userId: user.id }, select: { teamId: true } });
    if (!process.argv.includes('--skip-accuracy')) await accuracy(database.url, user.id, team.teamId);
    if (!process.argv.includes('--skip-throughput')) await throughput(user.id, team.teamId);
    if (!process.argv.includes('--skip-whole-run')) await wholeRun(user.id, team.teamId);
    if (!process.argv.includes('--skip-browser')) await browser();
    if (!process.argv.includes('--skip-scale')) await scaleOut();
  } finally {
    await closeTrainQueue();
    await closeRunEvents();
    await db().$disconnect();
    await database.close();
  }
  log('\nSummary');
  for (const line of results) log(`  ${line}`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
