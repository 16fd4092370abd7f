import * as tf from '@tensorflow/tfjs';
import { analyse } from '../../engine/analysis/analyse';
import { compileGraph } from '../../engine/compile/compile';
import { exportOnnx } from '../../engine/onnx/export/export-onnx';
import { templateGraph } from '../../engine/templates';
import { createProject, layer } from './editor-helpers';
import { expect, test } from './fixtures';
import { historyPanel, signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

/** LeNet-5 with its second dense layer narrowed from 84 to 64 units, written as an ONNX file. */
async function editedLenetOnnx(): Promise<Buffer> {
  await tf.setBackend('cpu');
  const doc = templateGraph('lenet5');
  const dense = doc?.nodes.find((n) => n.params.units === 84);
  if (!doc || !dense) throw new Error('no LeNet-5 template');
  dense.params = { ...dense.params, units: 64 };
  const analysis = analyse(doc);
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) throw new Error('the edited LeNet-5 does not compile');
  const exported = exportOnnx(doc, analysis, compiled.model);
  compiled.model.dispose();
  if (!exported.ok) throw new Error('the edited LeNet-5 does not export');
  return Buffer.from(exported.bytes);
}

test('compare the design with an ONNX file: the summary, the changed layer amber on both sides, its setting listed', async ({ page }) => {
  const file = await editedLenetOnnx();
  await signUp(page, app.url, 'Chiara', uniqueEmail('chiara'));
  await createProject(page, app.url, 'Compare LeNet', 'LeNet-5');
  await historyPanel(page);
  await expect(page.getByRole('group', { name: 'Compare with a model file' })).toBeVisible();
  await page
    .getByLabel('Compare with a model file…')
    .setInputFiles({ name: 'lenet-64.onnx', mimeType: 'application/octet-stream', buffer: file });

  const summary = page.getByTestId('compare-summary');
  await expect(summary).toHaveText('9 of 9 layers matched · 1 changed', { timeout: 30_000 });
  await expect(page.getByTestId('compare-changes')).toContainText('dense_2 (dense) ↔ dense_2_Gemm');
  await expect(page.getByTestId('compare-changes')).toContainText('Units: 84 → 64');
  await expect(page.getByTestId('compare-legend')).toContainText('9 of 9 layers matched · 1 changed');
  // The changed layer is highlighted on both sides; the others are drawn plain.
  await expect(layer(page, 'a:dense_2')).toHaveClass(/layer-node--diff-changed/);
  await expect(layer(page, 'b:dense_2_Gemm')).toHaveClass(/layer-node--diff-changed/);
  await expect(layer(page, 'a:dense_1')).toHaveClass(/layer-node--diff-same/);
  await expect(page.locator('.layer-node--diff-changed')).toHaveCount(2);

  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page
      .getByRole('img', { name: /^Comparison of/ })
      .getByRole('button', { name: 'Fit View' })
      .click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `docs/compare-file-${width}.png` });
  }

  await page.getByRole('button', { name: 'Back to the editor' }).click();
  await expect(page.getByTestId('compare-summary')).toBeHidden();
});
