import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { unzipSync, zipSync } from 'fflate';
import { FIXTURES } from '../support/fixtures';
import { pretrainedRunResult } from '../support/pretrained-run';
import { openGalleryProject, signUp, uniqueEmail } from './helpers';
import { type AppServer, startApp } from './server';

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
test.beforeAll(async () => {
  test.setTimeout(600_000); // the first start builds the app
  app = await startApp({ name: 'predict' });
});
test.afterAll(async () => {
  await app?.stop();
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

test('the gallery lists the pretrained models; MobileNetV2’s card is honest and its backbone opens as a project', async ({ page }) => {
  test.setTimeout(180_000);
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
