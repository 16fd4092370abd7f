import path from 'node:path';
import { createProject } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const EMOTION = path.join(FIXTURES, 'graph-models');
const PHOTO = path.join(FIXTURES, 'detection/raccoon-voc/images/raccoon-31.jpg');
const EMOTIONS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

test('a graph model dropped on the editor opens for prediction: bars for a photo, and a convolution’s feature maps', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await signUp(page, app.url, 'Grace', uniqueEmail('graph'));
  await createProject(page, app.url, 'Faces');

  // The editor's import names the frozen graph and offers the page that opens it, the files handed over.
  await page.getByLabel('Import model files').setInputFiles([`${EMOTION}/emotion.json`, `${EMOTION}/emotion.bin`]);
  const offer = page.getByRole('alert', { name: 'Graph model' });
  await expect(offer).toContainText('a frozen graph, for prediction only');
  await expect(offer).toContainText('cannot be edited or fine-tuned');
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'test-results/graph-model-offer-1280.png' });
  await offer.getByRole('link', { name: 'Open it for prediction' }).click();
  await expect(page).toHaveURL(/\/models\/open$/);

  const facts = page.getByRole('region', { name: 'The model' });
  await expect(facts.getByRole('heading', { name: 'emotion.json' })).toBeVisible({ timeout: 30_000 });
  await expect(facts.getByRole('table', { name: 'Inputs' })).toContainText('input_1[?, 64, 64, 1]float32');
  await expect(facts.getByRole('table', { name: 'Outputs' })).toContainText('Identity[?, 7]float32');
  await expect(page.getByTestId('frozen-note')).toContainText('--output_format tfjs_layers_model');

  // A real photo, grey and 64 × 64 as the model takes it, scaled −1 to 1 as it was trained; the names of its 7 classes.
  const predict = page.getByRole('region', { name: 'Predict' });
  await predict.getByText('Class names (optional)').click();
  await predict.getByLabel('Class names').fill(EMOTIONS.join('\n'));
  await predict.getByLabel('Pixel values').selectOption({ label: '−1 to 1' });
  await predict.getByLabel('Image to predict on').setInputFiles(PHOTO);
  const bars = page.getByTestId('graph-probabilities');
  await expect(bars.locator('li')).toHaveCount(5);
  const shares = await bars.locator('.probability-bars__value').allTextContents();
  expect(shares.every((s) => /^\d+\.\d %$/.test(s))).toBe(true);
  expect(EMOTIONS).toContain(await bars.locator('li').first().getAttribute('data-label'));
  await expect(page.getByRole('img', { name: /^The input: 64 × 64/ })).toBeVisible();

  // The first convolution: 32 filters, so 32 maps of 31 × 31; a later node redraws for its own output.
  const activations = page.getByRole('region', { name: 'Activations' });
  await expect(activations.getByTestId('activation-facts')).toContainText('_FusedConv2D · output 31 × 31 × 32');
  await expect(activations.getByTestId('feature-map')).toHaveCount(32);
  if (process.env.UPDATE_SCREENSHOTS) {
    await predict.getByText('Class names (optional)').click();
    await page.evaluate(() => window.scrollTo(0, 240));
    await page.screenshot({ path: 'docs/graph-model-1280.png' });
  }
  const softmax = await activations.getByLabel('Node').locator('option', { hasText: '(Softmax)' }).getAttribute('value');
  await activations.getByLabel('Node').selectOption(softmax ?? '');
  await expect(activations.getByTestId('activation-facts')).toContainText('Softmax · output 7');
  await expect(activations.getByTestId('activation-bars')).toBeVisible();
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.setViewportSize({ width: 1024, height: 768 });
    await activations.getByLabel('Node').selectOption({ index: 0 });
    await expect(activations.getByTestId('feature-map')).toHaveCount(32);
    await activations.getByRole('heading', { name: 'Activations' }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: 'docs/graph-model-1024.png' });
  }

  // A shard left out is named, on the same page.
  await page.getByLabel('Graph model files').setInputFiles([`${EMOTION}/emotion.json`]);
  await expect(page.getByTestId('open-error')).toContainText('The weight file emotion.bin named in emotion.json is missing.');

  // The gallery links to the page, which starts empty (the editor's files were handed over once).
  await page.goto(`${app.url}/gallery`);
  await page.getByRole('link', { name: 'Open a graph model…' }).click();
  await expect(page.getByRole('heading', { name: 'Open a graph model', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Graph model files')).toBeAttached();
  await expect(page.getByRole('region', { name: 'The model' })).toHaveCount(0);
  expect(errors).toEqual([]);

  // Signed-in users only, like every page of a team's work.
  await page.context().clearCookies();
  await page.goto(`${app.url}/models/open`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmodels%2Fopen$/);
});

test('a segmentation graph model draws its output as a mask', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await signUp(page, app.url, 'Sam', uniqueEmail('mask'));
  await page.goto(`${app.url}/models/open`);
  await page.getByLabel('Graph model files').setInputFiles([`${EMOTION}/selfie.json`, `${EMOTION}/selfie.bin`]);
  await expect(page.getByRole('table', { name: 'Outputs' })).toContainText('activation_10[1, 256, 256, 1]float32', { timeout: 30_000 });
  await page.getByLabel('Image to predict on').setInputFiles(PHOTO);
  await expect(page.getByRole('img', { name: /^activation_10: 256 × 256, values from / })).toBeVisible();
  await expect(page.getByTestId('graph-output')).toHaveAttribute('data-view', 'image');
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'test-results/graph-model-mask-1280.png', fullPage: true });
});
