import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { createProject, exportChecked, notifications } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import { projectWith, trainedLenetRun } from './run-helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

const SHOTS = process.env.SHOTS_DIR;

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`every export is checked before it is offered (${viewport.width}×${viewport.height})`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(viewport);
    await signUp(page, app.url, 'Petra', uniqueEmail('petra'));
    await createProject(page, app.url, 'Proven', 'LeNet-5');

    // ONNX: the file runs in ONNX Runtime Web (served from this site) before the download is offered.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: /ONNX/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Export: ONNX' });
    await expect(dialog.getByText('Checking the export…').or(dialog.getByTestId('export-proof'))).toBeVisible();
    const line = dialog.getByTestId('export-proof');
    await expect(line).toHaveText(/^Checked: reloaded in ONNX Runtime, predictions match TF\.js (exactly|within \S+) on 4 samples\.$/, {
      timeout: 120_000,
    });
    await expect(dialog.getByRole('button', { name: 'Download model.onnx', exact: true })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-onnx-${viewport.width}.png` });
    await dialog.getByRole('button', { name: 'Close' }).click();

    const onnx = await exportChecked(page, /ONNX/, 1);
    expect(onnx.proof).toMatch(/^Checked: reloaded in ONNX Runtime/);
    const bytes = readFileSync(await (onnx.downloads[0] as NonNullable<(typeof onnx.downloads)[0]>).path());
    expect(bytes.length).toBeGreaterThan(100_000); // LeNet-5's weights are in it
    await expect(notifications(page)).toContainText(/Exported model\.onnx\. Checked: reloaded in ONNX Runtime/);

    // TF.js: model.json + weights.bin reloaded with tf.loadLayersModel from memory.
    const tfjs = await exportChecked(page, /TensorFlow\.js model/, 2);
    expect(tfjs.proof).toMatch(/^Checked: reloaded in TF\.js, predictions match the original (exactly|within \S+) on 4 samples\.$/);
    expect(tfjs.downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['model.json', 'weights.bin']);

    // Keras: not run here, and the line says so; its weights file was read back.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: /Keras Python/ }).click();
    const keras = page.getByRole('dialog', { name: 'Export: Keras Python' }).getByTestId('export-proof');
    await expect(keras).toHaveText(
      /^Not checked: running model\.py needs Keras\. model\.weights\.h5 read back with h5wasm: all 10 weight arrays match/,
      {
        timeout: 120_000,
      },
    );
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-keras-${viewport.width}.png` });
  });
}

test('a trained run is exported from its page as ONNX and TF.js, checked with its own weights', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await signUp(page, app.url, 'Rune', uniqueEmail('rune'));
  const projectId = await projectWith(page, app.url, 'lenet5', 'Trained LeNet');
  const runId = await trainedLenetRun(page, app.url, projectId);
  await page.goto(`${app.url}/projects/${projectId}/runs/${runId}`);
  await page.locator('.runs-page[data-hydrated="true"]').waitFor();

  await page.getByRole('button', { name: 'Export ONNX' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export: ONNX' });
  const line = dialog.getByTestId('export-proof');
  await expect(line).toHaveText(/^Checked: reloaded in ONNX Runtime, predictions match TF\.js (exactly|within \S+) on 4 samples\.$/, {
    timeout: 120_000,
  });
  // The trained weights, not fresh ones: every layer's came from the run.
  await expect(dialog).toContainText('model.onnx, with the stored weights');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-run-onnx-1280.png` });
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await dialog.getByRole('button', { name: 'Download model.onnx', exact: true }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: 'Exported model.onnx' })).toContainText('Checked: reloaded in ONNX Runtime');

  await page.getByRole('button', { name: 'Export TensorFlow.js model' }).click();
  const tfjs = page.getByRole('dialog', { name: 'Export: TensorFlow.js model' });
  await expect(tfjs.getByTestId('export-proof')).toHaveText(/^Checked: reloaded in TF\.js, predictions match the original/, {
    timeout: 120_000,
  });
  await tfjs.getByRole('button', { name: 'Download 2 files' }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(3);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['model.json', 'model.onnx', 'weights.bin']);
});
