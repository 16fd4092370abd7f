import { expect, type Page, test } from '@playwright/test';
import { templateGraph } from '../../engine/templates';
import { signUp, uniqueEmail } from './helpers';
import { type AppServer, startApp } from './server';

let app: AppServer;
test.beforeAll(async () => {
  test.setTimeout(600_000); // the first start builds the app
  app = await startApp({ name: 'training' });
});
test.afterAll(async () => {
  await app?.stop();
});

/** A project with the MLP template saved as version 1, made through the API with the page's session. */
async function projectWithMlp(page: Page): Promise<string> {
  const headers = { origin: app.url };
  const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
  const project = await (
    await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, { headers, data: { name: 'Spiral MLP' } })
  ).json();
  const saved = await page.request.post(`${app.url}/api/projects/${project.id}/versions`, {
    headers,
    data: { parent: null, graph: templateGraph('mlp') },
  });
  expect(saved.status()).toBe(201);
  return project.id;
}

test('trains the MLP on the spiral in the browser for two epochs: live curves, confusion matrix, no leaked tensors, recorded as a run', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUp(page, app.url, 'Trainer', uniqueEmail('trainer'));
  const projectId = await projectWithMlp(page);

  await page.goto(`${app.url}/projects/${projectId}/train`);
  await expect(page.getByLabel('Dataset')).toHaveValue('builtin:spiral');
  await expect(page.getByTestId('dataset-summary')).toContainText('spiral');
  // The defaults are explained in words.
  await expect(page.getByText(/Loss: categorical cross-entropy/)).toBeVisible();
  await page.locator('#setting-epochs').fill('2');
  await page.locator('#setting-batchSize').fill('16');

  // Watch the page's frames while it trains: training runs in a Web Worker, so the page keeps drawing.
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[] };
    w.frames_ = [];
    const tick = (t: number) => {
      w.frames_.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByRole('button', { name: 'Train in browser' }).click();
  const run = page.locator('.browser-run');
  await expect(page.getByTestId('backend')).toContainText(/Training on (webgl|wasm|cpu)/, { timeout: 90_000 });
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(run).toHaveAttribute('data-status', 'completed');
  const frames = await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_);
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const longest = Math.max(...gaps);
  console.log(`page frames while training: ${frames.length}, longest gap ${Math.round(longest)} ms`);
  expect(longest).toBeLessThan(1000);

  // Curves: every batch of both epochs, and two epochs.
  const perBatch = Number(await page.getByTestId('chart-batches').getAttribute('data-points'));
  expect(perBatch).toBe(2 * Math.ceil(630 / 16));
  await expect(page.getByTestId('chart-epochs')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('chart-epochs').locator('canvas').first()).toBeVisible();
  // The evaluation: a 3 × 3 confusion matrix and per-class accuracy.
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toBeVisible();
  await expect(matrix.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('per-class-accuracy').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('final-metrics')).toContainText('test accuracy');
  await expect(page.getByTestId('tensor-check')).toHaveAttribute('data-leaked', '0');

  // The settings changed here can be kept in the graph document, as a new version.
  await page.getByRole('button', { name: 'Save these settings in the design' }).click();
  await expect(page.getByText('Saved in the design as version 2.')).toBeVisible();
  const v2 = await (await page.request.get(`${app.url}/api/projects/${projectId}/versions/2`)).json();
  expect(v2.graph.training).toMatchObject({ epochs: 2, batchSize: 16 });

  // Recorded as a browser run with its epochs, figures and weights.
  await page.getByRole('link', { name: 'This run on the Runs tab' }).click();
  await expect(page.getByText(/trained in a browser/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continue training from these weights' })).toBeVisible();
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect(page.getByTestId('chart-epochs')).toHaveAttribute('data-points', '2');
  expect(errors).toEqual([]);
  await context.close();
});

test('trains on the server worker and follows the run live', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, app.url, 'Server trainer', uniqueEmail('server'));
  const projectId = await projectWithMlp(page);
  await page.goto(`${app.url}/projects/${projectId}/train`);
  await expect(page.getByTestId('dataset-summary')).toContainText('spiral');
  await page.locator('#setting-epochs').fill('3');
  await page.getByRole('button', { name: 'Train on server' }).click();
  const live = page.locator('.run-live');
  await expect(live).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
  await expect(live.getByTestId('chart-epochs')).toHaveAttribute('data-points', '3');
  await expect(live.getByTestId('final-metrics')).toContainText('test accuracy');

  // The Runs tab lists it; selecting it overlays its curve.
  await page.goto(`${app.url}/projects/${projectId}/runs`);
  await page.getByLabel('Where').selectOption('server');
  const row = page.locator('.runs-table tbody tr').first();
  await expect(row).toContainText('completed');
  await row.getByRole('checkbox').check();
  await expect(page.getByTestId('compare-chart')).toHaveAttribute('data-points', '3');
  await context.close();
});
