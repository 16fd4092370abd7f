import { templateGraph } from '../../engine/templates';
import { editorReady, inspector, layer, notifications, saveWithShortcut, selectLayer } from './editor-helpers';
import { expect, test } from './fixtures';
import { openGalleryProject, signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

test('on the gallery digits CNN: cut after a layer, replace the head, freeze up to here, undo, and keep it in a saved version', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await signUp(page, app.url, 'Fine-tuner', uniqueEmail('transfer'));
  const projectId = await openGalleryProject(page, app.url);
  await page.goto(`${app.url}/projects/${projectId}`);
  await editorReady(page);

  // Cut after the first Dense layer: the old output layer goes.
  await selectLayer(page, 'dense_1');
  await inspector(page).getByRole('button', { name: 'Cut after this layer' }).click();
  await expect(layer(page, 'dense_2')).toHaveCount(0);
  await expect(layer(page, 'dense_1')).toBeVisible();

  // Replace the head after Flatten with one for 3 classes and dropout.
  await selectLayer(page, 'flatten_1');
  const head = inspector(page).getByRole('form', { name: 'Replace the head' });
  await head.getByLabel('Classes').fill('3');
  await head.getByLabel('Dropout').fill('0.25');
  await head.getByRole('button', { name: 'Replace the head after this layer' }).click();
  await expect(notifications(page)).toContainText('New head for 3 classes.');
  await expect(layer(page, 'dense_1')).toHaveCount(0);
  await expect(layer(page, 'dropout_1')).toBeVisible();
  // The new head may sit below the visible part of the canvas, which draws only what is in view.
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  const newHead = page.locator('.layer-node--selected');
  await expect(newHead).toContainText('(None, 3)');
  await expect(newHead).toContainText('softmax');

  // Freeze the backbone: every layer up to Flatten is marked and drawn as frozen.
  await selectLayer(page, 'flatten_1');
  await inspector(page).getByRole('button', { name: 'Freeze everything up to here' }).click();
  for (const id of ['conv2d_1', 'conv2d_2', 'flatten_1']) {
    await expect(layer(page, id)).toHaveClass(/layer-node--frozen/);
    // At the fitted zoom the tags are drawn small or hidden; the mark is on the layer either way.
    await expect(layer(page, id).getByTestId('frozen-mark')).toHaveCount(1);
  }
  await expect(layer(page, 'dropout_1')).not.toHaveClass(/layer-node--frozen/);
  await expect(inspector(page).getByLabel('Trainable')).not.toBeChecked();
  await page.screenshot({ path: 'test-results/transfer-1280.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/transfer-1024.png' });

  // One undo thaws them all; redo freezes them again.
  await page.getByLabel('Network canvas').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(layer(page, 'conv2d_1')).not.toHaveClass(/layer-node--frozen/);
  await page.keyboard.press('Control+Shift+z');
  await expect(layer(page, 'conv2d_1')).toHaveClass(/layer-node--frozen/);

  // Saved as a version, the design opens again as it was left.
  await saveWithShortcut(page, 'New head for three classes', 2);
  await page.reload();
  await editorReady(page);
  await expect(layer(page, 'conv2d_2')).toHaveClass(/layer-node--frozen/);
  await expect(layer(page, 'dropout_1')).toBeVisible();
  await expect(layer(page, 'dense_1')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('fine-tunes in two phases in the browser: the curves mark phase 2 and each phase has its figures', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1400, height: 1000 });
  await signUp(page, app.url, 'Two-phase trainer', uniqueEmail('phases'));
  const headers = { origin: app.url };
  const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
  const project = await (
    await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, { headers, data: { name: 'Two phases' } })
  ).json();
  // The MLP with its two hidden layers frozen, set to fine-tune the top one after one epoch.
  const mlp = templateGraph('mlp');
  if (!mlp) throw new Error('the MLP template is missing');
  const graph = {
    ...mlp,
    nodes: mlp.nodes.map((n) => (n.id === 'dense_1' || n.id === 'dense_2' ? { ...n, trainable: false } : n)),
    training: { ...mlp.training, epochs: 3, batchSize: 32, fineTuning: { headEpochs: 1, unfreezeTop: 1, rateFactor: 0.5 } },
  };
  const saved = await page.request.post(`${app.url}/api/projects/${project.id}/versions`, { headers, data: { parent: null, graph } });
  expect(saved.status()).toBe(201);

  await page.goto(`${app.url}/projects/${project.id}/train`);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:spiral');
  await page.getByRole('button', { name: 'Train in browser' }).click();
  const run = page.locator('.browser-run');
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 150_000 });
  await expect(run).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('chart-epochs')).toHaveAttribute('data-points', '3');
  await expect(page.getByTestId('chart-epochs')).toHaveAttribute('data-marker', '1.5');
  const phases = page.getByTestId('phase-figures');
  await expect(phases.locator('tbody tr')).toHaveCount(2);
  await expect(phases.locator('tbody tr').nth(0)).toContainText('Phase 1 (head only)');
  await expect(phases.locator('tbody tr').nth(1)).toContainText('2–3');
  await page.screenshot({ path: 'test-results/transfer-phases.png' });
  expect(errors).toEqual([]);
});
