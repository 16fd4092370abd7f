import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { analyse } from '../../engine/analysis/analyse';
import { assignWeights } from '../../engine/compile/assign-weights';
import { compileGraph } from '../../engine/compile/compile';
import { importOnnx } from '../../engine/onnx/import/import-onnx';
import { relativeError, runOnnx, sampleInput } from '../support/onnx-runtime';
import { toTensors } from '../support/onnx-weights';
import { createProject, exportChecked } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});
test.use({ viewport: { width: 1440, height: 900 } });

const MODEL = 'tests/fixtures/onnx/tf2onnx-ort-batcher-mlp.onnx';

test('import an ONNX file with its weights, see it on the canvas, export it as ONNX that predicts like TF.js', async ({ page }) => {
  await signUp(page, app.url, 'Olga', uniqueEmail('olga'));
  await createProject(page, app.url, 'From ONNX');
  await page.getByLabel('Import model files').setInputFiles([MODEL]);
  const done = page.getByRole('status', { name: 'Import finished' });
  await expect(done).toContainText('Imported tf2onnx-ort-batcher-mlp.onnx: ONNX model', { timeout: 60_000 });
  await expect(done).toContainText('32,288 weight values read');
  const report = done.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText(/Import report: \d+ exact · \d+ approximated · 0 placeholders/);
  await expect(page.locator('.statusbar')).toContainText('32,288 params');
  await done.getByRole('button', { name: 'OK' }).click();
  await expect(page.locator('.react-flow__node-layer')).toHaveCount(7);

  const { proof, downloads } = await exportChecked(page, /ONNX/, 1);
  expect(proof).toMatch(/^Checked: reloaded in ONNX Runtime, predictions match TF\.js (exactly|within \S+) on 4 samples\.$/);
  await expect(page.getByText('Exported model.onnx, with the imported weights.')).toBeVisible();
  const download = downloads[0] as Download;
  expect(download.suggestedFilename()).toBe('model.onnx');
  const exported = new Uint8Array(readFileSync(await download.path()));

  // The same design built with TF.js here, with the file's weights, is what the exported file must reproduce.
  await tf.setBackend('cpu');
  const imported = importOnnx(new Uint8Array(readFileSync(MODEL)));
  if (!imported.doc || !imported.weightArrays) throw new Error('the fixture does not import');
  const compiled = compileGraph(tf, imported.doc, analyse(imported.doc));
  if (!compiled.ok) throw new Error(compiled.diagnostics[0]?.message);
  expect(assignWeights(compiled.model, toTensors(tf, imported.weightArrays)).ok).toBe(true);
  const input = sampleInput([null, 7, 6, 4], 'float32', 21);
  const expected = (compiled.model.predict(tf.tensor(input.data, input.shape)) as tf.Tensor).dataSync();
  const [actual] = await runOnnx(exported, [input]);
  expect(actual?.shape).toEqual([2, 2]);
  expect(relativeError(actual?.data ?? [], expected)).toBeLessThan(1e-4);
});
