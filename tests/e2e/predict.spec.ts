import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync, zipSync } from 'fflate';
import { FIXTURES } from '../support/fixtures';
import { pretrainedRunResult } from '../support/pretrained-run';
import { editorReady, inspector, layer, notifications, saveWithShortcut } from './editor-helpers';
import { expect, test } from './fixtures';
import { openGalleryProject, signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

const DIGITS = path.join(FIXTURES, 'datasets/mnist-png-30-per-class');
const digitFile = (d: number, k = 2) => path.join(DIGITS, String(d), readdirSync(path.join(DIGITS, String(d))).sort()[k] as string);

const TYPES: Record<string, string> = {
  html: 'text/html',
  js: 'text/javascript',
  json: 'application/json',
  bin: 'application/octet-stream',
};

/** Serves files from memory over HTTP, as any static host would serve an unzipped export. */
async function serveFiles(files: Record<string, Uint8Array>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1)) || 'index.html';
    const body = files[name];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' }).end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

/**
 * A project opened from the gallery's digits CNN, with a finished run whose weights are that
 * network's (recorded through the API the way the training page records one).
 */
async function finishedDigitsRun(page: Page): Promise<{ projectId: string; runId: string }> {
  const headers = { origin: app.url };
  const projectId = await openGalleryProject(page, app.url);
  const run = await page.request.post(`${app.url}/api/projects/${projectId}/runs`, {
    headers,
    data: { versionNumber: 1, dataset: { builtin: 'digits' }, place: 'browser', backend: 'wasm', settings: { training: { epochs: 1 } } },
  });
  expect(run.status()).toBe(201);
  const runId = (await run.json()).id as string;
  const result = await pretrainedRunResult('digits-cnn');
  const put = await page.request.put(`${app.url}/api/runs/${runId}/weights.bin`, { headers, data: Buffer.from(result.bytes) });
  expect(put.status()).toBe(201);
  const finished = await page.request.post(`${app.url}/api/runs/${runId}/finish`, {
    headers,
    data: {
      status: 'completed',
      weights: { hash: (await put.json()).hash, modelTopology: result.modelTopology, weightSpecs: result.weightSpecs },
    },
  });
  expect(finished.status()).toBe(200);
  return { projectId, runId };
}

/** Class folders of MNIST digits 3 and 7 (the fixture's PNGs, 28×28 grey), `per` of each. */
function threesAndSevens(per: number): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const d of [3, 7]) {
    for (const name of readdirSync(path.join(DIGITS, String(d)))
      .sort()
      .slice(0, per)) {
      files[`digits/${d}/${name}`] = new Uint8Array(readFileSync(path.join(DIGITS, String(d), name)));
    }
  }
  return Buffer.from(zipSync(files));
}

test('MobileNetV2 end to end: the honest card, its backbone as a project, a new head, two-phase fine-tuning in the browser on an uploaded zip, and a prediction', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, app.url, 'Gallery visitor', uniqueEmail('gallery'));
  await page.getByRole('link', { name: 'Gallery', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Pretrained gallery' })).toBeVisible();
  for (const title of ['MobileNetV2 (ImageNet-derived backbone)', 'Fashion-MNIST CNN', 'Handwritten digits CNN']) {
    await expect(page.getByRole('article', { name: title })).toBeVisible();
  }
  await expect(page.getByRole('article', { name: 'Handwritten digits CNN' })).toContainText(/Test accuracy: \d\d\.\d %/);

  await page.getByRole('link', { name: 'MobileNetV2 (ImageNet-derived backbone)' }).click();
  const card = page.getByRole('region', { name: 'Model card' });
  await expect(card).toContainText('224×224 RGB');
  await expect(card).toContainText('Drawing, Hentai, Neutral, Porn, Sexy');
  await expect(page.getByTestId('card-accuracy')).toContainText('not measured');
  await expect(card).toContainText('MIT');
  await expect(card).toContainText(/2\.\d\d M parameters/);
  await expect(page.getByRole('region', { name: 'Caveats' })).toContainText('fine-tuned on other classes');
  await page.getByLabel('Backbone, cut at global pooling').check();
  await page.getByRole('button', { name: 'Open as a project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/, { timeout: 90_000 });
  await expect(page.getByText('MobileNetV2 (ImageNet-derived backbone) — Backbone, cut at global pooling').first()).toBeVisible();
  const projectId = new URL(page.url()).pathname.split('/')[2] as string;

  // The user's own images: a zip of class folders, small grey digits, uploaded as they are.
  await page.goto(`${app.url}/datasets/new`);
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page.getByLabel('Dataset name').fill('Threes and sevens');
  await page.getByLabel('License').fill('CC BY-SA 3.0');
  await page.getByLabel('Archive (.zip)').setInputFiles({ name: 'digits.zip', mimeType: 'application/zip', buffer: threesAndSevens(12) });
  await page.getByLabel('Width').fill('28');
  await page.getByLabel('Height').fill('28');
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('link', { name: 'Open the dataset' }).click({ timeout: 60_000 });
  await expect(page).toHaveURL(/\/datasets\/(?!new)[^/?]+/);
  const datasetId = new URL(page.url()).pathname.split('/')[2] as string;

  // In the editor: freeze the backbone and put a head for the dataset's two classes on it.
  await page.goto(`${app.url}/projects/${projectId}`);
  await editorReady(page);
  // 156 layers do not fit on screen: the last one is found by its name.
  await page.getByRole('button', { name: 'Go to a layer' }).click();
  await page.getByLabel('Layer name').fill('average_pool');
  await page.getByLabel('Layer name').press('Enter');
  await expect(layer(page, 'average_pooling2d_1')).toHaveClass(/layer-node--selected/);
  await inspector(page).getByRole('button', { name: 'Freeze everything up to here' }).click();
  const head = inspector(page).getByRole('form', { name: 'Replace the head' });
  await head.getByLabel('Classes').fill('2');
  await head.getByRole('button', { name: 'Replace the head after this layer' }).click();
  await expect(notifications(page)).toContainText('New head for 2 classes.');
  await saveWithShortcut(page, 'A head for threes and sevens', 2);

  // Two phases in one run, in the browser: the head alone for an epoch, then the top two frozen layers too, more gently.
  await page.goto(`${app.url}/projects/${projectId}/train`);
  // The tab starts on the dataset that fits: the uploaded one, the only one with two classes of images.
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(new RegExp(datasetId));
  await expect(page.getByLabel('Dataset', { exact: true }).locator('option:checked')).toHaveText(/^Threes and sevens v1/);
  await expect(page.getByText('Images are resized from 28×28×1 to 224×224×3')).toBeVisible();
  await expect(page.locator('#setting-optimizer option:checked')).toHaveText(/^adam/);
  await page.locator('#train-backend').selectOption('wasm');
  await page.locator('#setting-epochs').fill('2');
  await page.locator('#setting-batchSize').fill('8');
  await page.locator('#setting-fineTuning').check();
  await page.locator('#setting-fineTuning-headEpochs').fill('1');
  await page.locator('#setting-fineTuning-unfreezeTop').fill('2');
  await expect(page.locator('#setting-fitImages')).toBeChecked();
  await page.getByRole('button', { name: 'Train in browser' }).click();
  const run = page.locator('.browser-run');
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 420_000 });
  await expect(run).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('chart-epochs')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('chart-epochs')).toHaveAttribute('data-marker', '1.5');
  const phases = page.getByTestId('phase-figures');
  await expect(phases.locator('tbody tr')).toHaveCount(2);
  await expect(phases.locator('tbody tr').nth(0)).toContainText('Phase 1 (head only)');
  await page.screenshot({ path: test.info().outputPath('mobilenet-two-phases.png') });

  // The fine-tuned network classifies an uploaded digit, upscaled and coloured the way it was trained.
  const runs = await (await page.request.get(`${app.url}/api/projects/${projectId}/runs`)).json();
  const runId = runs.runs[0].id as string;
  await page.goto(`${app.url}/projects/${projectId}/predict?run=${runId}`);
  await page.getByLabel('Image to classify').setInputFiles(digitFile(7, 20));
  const bars = page.getByTestId('probability-bars');
  await expect(bars).toBeVisible({ timeout: 60_000 });
  await expect(bars.locator('li')).toHaveCount(2);
  expect((await bars.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-label')))).sort()).toEqual(['3', '7']);
  await page.screenshot({ path: test.info().outputPath('mobilenet-predict.png') });
  expect(errors).toEqual([]);
});

test('predicts an uploaded image with a finished run, shows the top classes as bars, and classifies a zip of images to a CSV', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUp(page, app.url, 'Predictor', uniqueEmail('predict'));
  const { projectId, runId } = await finishedDigitsRun(page);

  await page.goto(`${app.url}/projects/${projectId}/runs/${runId}`);
  await page.getByRole('link', { name: 'Predict with this run' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/predict\\?run=${runId}`));
  await expect(page.getByText(/Trained on digits: 28×28×1 images, 10 classes/)).toBeVisible();

  await page.getByLabel('Image to classify').setInputFiles(digitFile(7));
  const bars = page.getByTestId('probability-bars');
  await expect(bars).toBeVisible({ timeout: 30_000 });
  await expect(bars.locator('li')).toHaveCount(5);
  await expect(bars.locator('li').first()).toHaveAttribute('data-label', '7');
  await expect(page.getByRole('img', { name: 'Being classified' })).toBeVisible();

  // Something that is not an image: the server's words, not a crash.
  await page
    .getByLabel('Image to classify')
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') });
  await expect(page.getByText(/The image cannot be used/)).toBeVisible();

  // A batch: ten digits in a zip, one CSV line each.
  const zip = zipSync(
    Object.fromEntries(Array.from({ length: 10 }, (_, d) => [`digits/${d}.png`, new Uint8Array(readFileSync(digitFile(d, 3)))])),
  );
  await page.getByLabel('Batch file').setInputFiles({ name: 'digits.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
  await expect(page.getByTestId('batch-progress')).toHaveText('10 of 10 classified', { timeout: 60_000 });
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download predictions.csv' }).click();
  const csv = readFileSync((await (await downloading).path()) as string, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe('input,prediction,probability,top,error');
  expect(csv).toHaveLength(11);
  const right = csv.slice(1).filter((line) => {
    const [input, prediction] = line.split(',');
    return input === `digits/${prediction}.png`;
  });
  expect(right.length).toBeGreaterThanOrEqual(9);

  // The deployable zip: its page classifies an image on its own, served from a plain folder.
  const exported = await page.request.get(`${app.url}/api/runs/${runId}/export.zip`);
  expect(exported.status()).toBe(200);
  const files = unzipSync(new Uint8Array(await exported.body()));
  const site = await serveFiles(files);
  try {
    const deployed = await page.context().newPage();
    await deployed.goto(site.url);
    await deployed.getByLabel('Image').setInputFiles(digitFile(3));
    await expect(deployed.locator('#out')).toHaveText(/^3: \d+\.\d %/, { timeout: 30_000 });
    await deployed.close();
  } finally {
    await site.close();
  }

  // A predict token for applications.
  await page.getByRole('button', { name: 'Make a predict token' }).click();
  await expect(page.getByTestId('predict-token')).toContainText(/^nc_/);
  expect(errors).toEqual([]);
});
