import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import * as jsfive from 'jsfive';
import { createProject, exportChecked } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

const SHOTS = process.env.NETCANVAS_SCREENSHOTS;

/** The built-in sentences as the CSV a person would upload. */
function austenCsv(dir: string): string {
  const lines = readFileSync(path.resolve(import.meta.dirname, '../../data-builtin/austen/sentences.tsv'), 'utf8')
    .trim()
    .split('\n');
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const file = path.join(dir, 'austen.csv');
  writeFileSync(
    file,
    `sentence,novel\n${lines
      .slice(1)
      .map((l) => l.split('\t').map(quote).join(','))
      .join('\n')}\n`,
  );
  return file;
}

test('upload a CSV of texts with its length histogram, see its vocabulary; export Keras code with its weights file', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'netcanvas-text-'));
  await signUp(page, app.url, 'Tess', uniqueEmail('tess'));
  await page.goto(`${app.url}/datasets/new`);
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page.getByLabel('Dataset name').fill('Austen sentences');
  await page.getByLabel('A table (CSV)').check();
  await page.getByLabel('CSV file').setInputFiles(austenCsv(dir));
  await expect(page.getByRole('table', { name: 'CSV preview' })).toContainText('sentence');
  await expect(page.getByLabel('Label column')).toHaveValue('novel');
  await page.getByLabel('Task').selectOption('text-classification');
  await expect(page.getByLabel('Text column')).toHaveValue('sentence');
  await expect(page.getByRole('figure', { name: 'Text lengths' })).toBeVisible();
  await expect(page.getByText(/% fit whole in \d+ words \(the length picked for you\)/)).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `text-upload-${page.viewportSize()?.width}.png`), fullPage: true });
  await page.getByLabel('Vocabulary size').fill('3000');
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toContainText('Stored 3,000 of 3,000 rows', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Open the dataset' }).click();
  const texts = page.getByRole('region', { name: 'Texts and vocabulary' });
  await expect(texts).toContainText('Column sentence');
  await expect(texts).toContainText('Vocabulary: 3,000 entries');
  await expect(texts.getByRole('figure', { name: 'Text lengths' })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `text-dataset-${page.viewportSize()?.width}.png`), fullPage: true });

  await createProject(page, app.url, 'Sentences', '1-D CNN text classifier');
  const { proof, downloads } = await exportChecked(page, /Keras Python/, 2);
  expect(proof).toMatch(
    /^Not checked: running model\.py needs Keras\. model\.weights\.h5 read back with h5wasm: all \d+ weight arrays match/,
  );
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['model.py', 'model.weights.h5']);
  const h5 = downloads.find((d) => d.suggestedFilename() === 'model.weights.h5') as Download;
  const bytes = new Uint8Array(readFileSync(await h5.path()));
  const file = new jsfive.File(bytes.slice().buffer as ArrayBuffer, 'model.weights.h5');
  expect((file.get('layers/embedding/vars/0') as unknown as { shape: number[] }).shape).toEqual([10000, 32]);
  const code = readFileSync(await (downloads.find((d) => d.suggestedFilename() === 'model.py') as Download).path(), 'utf8');
  expect(code).toContain('model.load_weights(WEIGHTS)');
  rmSync(dir, { recursive: true, force: true });
});
