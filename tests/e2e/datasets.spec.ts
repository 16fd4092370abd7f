import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

const MNIST = path.resolve(import.meta.dirname, '../fixtures/datasets/mnist-png-30-per-class');

/** 30 digits per class in class folders, plus six images without a class. */
function digitsArchive(): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const digit of readdirSync(MNIST).sort()) {
    for (const file of readdirSync(path.join(MNIST, digit)).sort()) {
      files[`digits/${digit}/${file}`] = new Uint8Array(readFileSync(path.join(MNIST, digit, file)));
    }
  }
  for (let d = 0; d < 6; d++)
    files[`digits/unlabelled/new-${d}.png`] = new Uint8Array(readFileSync(path.join(MNIST, String(d), `${d}_0000.png`)));
  return Buffer.from(zipSync(files));
}

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

test('upload a zip of class folders, see the gallery and class counts, label five images with the keyboard, train on the result', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signUp(page, app.url, 'Dana', uniqueEmail('dana'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
  await expect(page.getByRole('heading', { name: 'Datasets', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Built-in datasets' })).toContainText('Fashion-MNIST');
  await page.getByRole('link', { name: 'Upload a dataset' }).click();

  // Upload.
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page.getByLabel('Dataset name').fill('Handwritten digits');
  await page.getByLabel('License').fill('MIT');
  // A bad archive first: refused with the offending file named, nothing kept.
  const bad = Buffer.from(
    zipSync({ 'digits/0/a.png': readFileSync(path.join(MNIST, '0', '0_0000.png')), '../escape.png': new Uint8Array(8) }),
  );
  await page.getByLabel('Archive (.zip)').setInputFiles({ name: 'bad.zip', mimeType: 'application/zip', buffer: bad });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'unsafe path' })).toContainText('../escape.png: paths with ../ are not allowed');
  await page.getByLabel('Archive (.zip)').setInputFiles({ name: 'digits.zip', mimeType: 'application/zip', buffer: digitsArchive() });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toContainText('Stored 306 of 306 files', { timeout: 60_000 });
  await expect(page.getByRole('status')).toContainText('6 image(s) have no class yet');
  await page.getByRole('link', { name: 'Open the dataset' }).click();

  // Gallery, class balance and counts.
  await expect(page.getByRole('heading', { name: 'Handwritten digits' })).toBeVisible();
  await expect(page.getByTestId('count-unlabelled')).toHaveText('6');
  for (const digit of ['0', '5', '9']) await expect(page.getByTestId(`class-${digit}`)).toContainText('30');
  const gallery = page.getByRole('region', { name: 'Gallery' });
  await expect(gallery.getByRole('img')).toHaveCount(48);
  await expect(gallery.getByRole('img').first()).toHaveJSProperty('naturalWidth', 28);
  await gallery.getByLabel('Show samples').selectOption('unlabelled');
  await expect(gallery.getByRole('img')).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Augmentation preview' }).getByLabel('Augmented 1')).toBeVisible();

  // Label five of the six unlabelled images with the keyboard (with one undo on the way): a digit
  // class is typed as itself, and its key is shown on its button.
  await page.getByRole('link', { name: 'Label 6 images' }).click();
  await expect(page.getByTestId('labelling-image')).toBeVisible();
  await expect(page.getByRole('button', { name: '0 0', exact: true })).toBeVisible();
  await page.keyboard.press('0');
  await page.keyboard.press('1');
  await page.keyboard.press('8');
  await expect(page.getByText('3 of 6 labelled')).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(page.getByText('2 of 6 labelled')).toBeVisible();
  await expect(page.getByTestId('current-label')).toHaveText('No class yet');
  await page.keyboard.press('2');
  await page.keyboard.press('3');
  await page.keyboard.press('4');
  await expect(page.getByText('5 of 6 labelled')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Labelling progress' })).toHaveAttribute('value', '5');
  await page.getByRole('button', { name: 'Save 5 labels as a new version' }).click();

  // Version 2: one unlabelled left, the first five classes have one more each.
  await expect(page).toHaveURL(/version=2/);
  await expect(page.getByTestId('count-unlabelled')).toHaveText('1');
  for (const digit of ['0', '1', '2', '3', '4']) await expect(page.getByTestId(`class-${digit}`)).toContainText('31');
  const datasetId = new URL(page.url()).pathname.split('/')[2] as string;

  // Train on version 2 in the browser, from the project's Train tab: a LeNet-5 project, one epoch.
  const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
  const made = await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, {
    headers: { origin: app.url },
    data: { name: 'Digits LeNet', template: 'lenet5' },
  });
  expect(made.status(), await made.text()).toBe(201);
  const project = await made.json();
  await page.goto(`${app.url}/projects/${project.id}/train`);
  await page.getByLabel('Dataset').selectOption(`${datasetId}@2`);
  await expect(page.getByTestId('dataset-summary')).toContainText('Handwritten digits');
  await expect(page.getByTestId('dataset-summary')).toContainText('of shape [28, 28, 1], 10 classes');
  await page.locator('#setting-epochs').fill('1');
  await page.locator('#setting-batchSize').fill('32');
  await page.getByRole('button', { name: 'Train in browser' }).click();
  const run = page.locator('.browser-run');
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 150_000 });
  await expect(run).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('final-metrics')).toContainText('test accuracy');

  // Pre-label the last unlabelled image with that run's model, review the proposal, accept it.
  const runHref = (await page.getByRole('link', { name: 'This run on the Runs tab' }).getAttribute('href')) as string;
  const runId = runHref.split('/').pop() as string;
  await page.goto(`${app.url}/datasets/${datasetId}/label?version=2`);
  await expect(page.getByTestId('labelling-image')).toBeVisible();
  await page.getByText('Pre-label with a trained model').click();
  await expect(page.getByLabel('Run id')).toHaveValue(runId);
  await page.getByRole('button', { name: 'Propose classes' }).click();
  await expect(page.getByText(/Proposed: .+ \(\d+ %\)/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Accept all proposals' }).click();
  await expect(page.getByText('1 of 1 labelled')).toBeVisible();
  await page.getByRole('button', { name: 'Save 1 label as a new version' }).click();
  await expect(page).toHaveURL(/version=3/);
  await expect(page.getByTestId('count-unlabelled')).toHaveText('0');
});

test('a built-in shows its samples; a folder packed in the browser and uploaded with progress; a new class while labelling; a CSV with its preview; delete', async ({
  page,
}) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'netcanvas-folder-'));
  for (const digit of ['1', '4', '7']) {
    mkdirSync(path.join(folder, 'shapes', digit), { recursive: true });
    for (const file of readdirSync(path.join(MNIST, digit)).slice(0, 5))
      cpSync(path.join(MNIST, digit, file), path.join(folder, 'shapes', digit, file));
  }
  mkdirSync(path.join(folder, 'shapes', 'unlabelled'));
  for (const digit of ['2', '3'])
    cpSync(path.join(MNIST, digit, `${digit}_0000.png`), path.join(folder, 'shapes', 'unlabelled', `${digit}.png`));
  await signUp(page, app.url, 'Fola', uniqueEmail('fola'));
  // A built-in's page: source, license, class balance and its first samples drawn from the batches endpoint.
  await page.goto(`${app.url}/datasets`);
  await page.getByRole('link', { name: 'Fashion-MNIST' }).click();
  await expect(page.getByText('License: MIT')).toBeVisible();
  await expect(page.getByTestId('class-Ankle boot')).toContainText('1000');
  await expect(page.getByRole('region', { name: 'Preview' }).locator('canvas')).toHaveCount(48);
  // The digits are stored sorted by class: the preview still shows a mix of them, each drawn (not blank).
  await page.goto(`${app.url}/datasets/builtin/digits`);
  const previews = page.getByRole('region', { name: 'Preview' }).locator('canvas');
  await expect(previews).toHaveCount(48);
  const labels = await previews.evaluateAll((all) => all.map((c) => c.getAttribute('aria-label')?.split(': ')[1]));
  expect(new Set(labels).size).toBeGreaterThanOrEqual(6);
  const inked = await previews.evaluateAll(
    (all) =>
      all.filter((c) => {
        const data = (c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 28, 28).data ?? [];
        return Array.from(data).some((v, i) => i % 4 !== 3 && v > 128);
      }).length,
  );
  expect(inked).toBe(48);
  await page.goto(`${app.url}/datasets/new`);
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page.getByLabel('Dataset name').fill('Three digits');
  await page.getByLabel('Or a folder', { exact: true }).setInputFiles(path.join(folder, 'shapes'));
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toContainText('Stored 17 of 17 files');
  await page.getByRole('link', { name: 'Open the dataset' }).click();
  for (const digit of ['1', '4', '7']) await expect(page.getByTestId(`class-${digit}`)).toContainText('5');
  // A class nobody had yet: added while labelling (a new version), then given with its key — the
  // first key no class name takes (1, 4 and 7 keep their own).
  await page.getByRole('link', { name: 'Label 2 images' }).click();
  await page.getByLabel('New class').fill('other');
  await page.getByRole('button', { name: 'Add class' }).click();
  await expect(page).toHaveURL(/label\?version=2/);
  await expect(page.getByRole('button', { name: '2 other' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByText('1 of 2 labelled')).toBeVisible();
  await page.getByRole('button', { name: 'Save 1 label as a new version' }).click();
  await expect(page).toHaveURL(/version=3/);
  await expect(page.getByTestId('class-other')).toContainText('1');
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(page.getByRole('link', { name: 'Three digits' })).toHaveCount(0);

  // A CSV: previewed in the page, a column's type changed, the label picked; a regression table.
  await page.goto(`${app.url}/datasets/new`);
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page.getByLabel('Dataset name').fill('Diabetes table');
  await page.getByLabel('A table (CSV)').check();
  await page.getByLabel('CSV file').setInputFiles(path.resolve(import.meta.dirname, '../../data-builtin/diabetes/diabetes.csv'));
  const preview = page.getByRole('table', { name: 'CSV preview' });
  await expect(preview).toContainText('progression');
  await page.getByLabel('Type of sex').selectOption('categorical');
  await expect(page.getByLabel('Label column')).toHaveValue('progression');
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toContainText('Stored 442 of 442 rows');
  await page.getByRole('link', { name: 'Open the dataset' }).click();
  await expect(page.getByRole('figure', { name: 'Target distribution' })).toBeVisible();
  await expect(page.getByText('sex=1, sex=2')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rows' }).getByRole('row')).toHaveCount(49);
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(page.getByRole('link', { name: 'Diabetes table' })).toHaveCount(0);
  rmSync(folder, { recursive: true, force: true });
});
