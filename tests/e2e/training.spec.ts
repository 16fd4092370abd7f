import type { Page } from '@playwright/test';
import { templateGraph } from '../../engine/templates';
import { saveWithShortcut } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

/** A project with a template (the MLP by default) saved as version 1, made through the API with the page's session. */
async function projectWithMlp(page: Page, template = 'mlp', name = 'Spiral MLP'): Promise<string> {
  const headers = { origin: app.url };
  const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
  const project = await (await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, { headers, data: { name } })).json();
  const saved = await page.request.post(`${app.url}/api/projects/${project.id}/versions`, {
    headers,
    data: { parent: null, graph: templateGraph(template) },
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
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:spiral');
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
  await expect(page.getByTestId('backend')).toContainText(/Training on (webgpu|webgl|wasm|cpu)/, { timeout: 90_000 });
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(run).toHaveAttribute('data-status', 'completed');
  const frames = await page.evaluate(() => (window as unknown as { frames_: number[] }).frames_);
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const longest = Math.max(...gaps);
  const span = (frames.at(-1) as number) - (frames[0] as number);
  console.log(`page frames while training: ${frames.length} over ${Math.round(span)} ms, longest gap ${Math.round(longest)} ms`);
  // Training on the page's thread would stop the frames for the whole run; a busy machine (the test lanes
  // run side by side) can still hold one frame back for a second or so, which is no sign of that.
  expect(longest).toBeLessThan(Math.min(2500, span / 3));

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

  // Recorded as a browser run with its epochs, figures and weights.
  await page.getByRole('link', { name: 'This run on the Runs tab' }).click();
  await expect(page.getByText(/trained in a browser/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continue training from these weights' })).toBeVisible();
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect(page.getByTestId('chart-epochs')).toHaveAttribute('data-points', '2');

  expect(errors).toEqual([]);
  await context.close();
});

test('settings kept on the Train tab are an edit of the design: unsaved, undone and redone in the editor, saved with the next version', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUp(page, app.url, 'Keeper', uniqueEmail('keeper'));
  const projectId = await projectWithMlp(page);

  await page.goto(`${app.url}/projects/${projectId}/train`);
  await expect(page.getByTestId('dataset-summary')).toContainText('spiral');
  await page.locator('#setting-epochs').fill('2');
  await page.locator('#setting-batchSize').fill('16');
  await page.getByRole('button', { name: 'Keep these settings in the design' }).click();
  await expect(page.getByText(/Kept in the design as an unsaved change/)).toBeVisible();
  const unsaved = page.locator('.project-head').getByText('Unsaved changes');
  await expect(unsaved).toBeVisible();
  // The form now starts from the kept settings; nothing was saved as a version.
  await expect(page.locator('#setting-epochs')).toHaveValue('2');
  expect((await (await page.request.get(`${app.url}/api/projects/${projectId}/versions`)).json()).versions).toHaveLength(1);

  // On the Design tab they are the last edit: undo takes them back, redo brings them again, and the
  // next save puts them in the new version.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Design' }).click();
  const undo = page.getByRole('button', { name: 'Undo change training settings' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(unsaved).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo change training settings' }).click();
  await expect(unsaved).toBeVisible();
  await saveWithShortcut(page, 'Training settings', 2);
  await expect(unsaved).toHaveCount(0);
  const v2 = await (await page.request.get(`${app.url}/api/projects/${projectId}/versions/2`)).json();
  expect(v2.graph.training).toMatchObject({ epochs: 2, batchSize: 16 });

  // Back on the Train tab the saved settings are the starting point.
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Train' }).click();
  await expect(page.locator('#setting-epochs')).toHaveValue('2');
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

/** A finished browser run whose evaluation has `n` classes (counts made up; the layout is what is checked). */
async function runWithClasses(page: Page, projectId: string, n: number): Promise<string> {
  const headers = { origin: app.url };
  const made = await page.request.post(`${app.url}/api/projects/${projectId}/runs`, {
    headers,
    data: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser' },
  });
  expect(made.status(), await made.text()).toBe(201);
  const run = await made.json();
  const classes = Array.from({ length: n }, (_, i) => `class number ${i + 1}`);
  const matrix = classes.map((_, i) => classes.map((_, j): number => (i === j ? 40 : (i + j) % 7 === 0 ? 3 : 0)));
  const evaluation = {
    kind: 'classification',
    split: 'test',
    classes,
    matrix,
    perClass: classes.map((label, i) => ({ label, accuracy: 40 / matrix[i]!.reduce((a, b) => a + b, 0), count: 40 })),
    accuracy: 0.9,
    count: 40 * n,
    samples: [],
    featureShape: [2],
  };
  const finished = await page.request.post(`${app.url}/api/runs/${run.id}/finish`, {
    headers,
    data: { status: 'completed', finalMetrics: { accuracy: 0.9 }, evaluation },
  });
  expect(finished.status(), await finished.text()).toBe(200);
  return run.id;
}

test('the confusion matrix fits beside "Accuracy per class" for 2 to 100 classes', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signUp(page, app.url, 'Matrix reader', uniqueEmail('matrix'));
  const projectId = await projectWithMlp(page);
  for (const n of [2, 10, 30, 100]) {
    const runId = await runWithClasses(page, projectId, n);
    await page.goto(`${app.url}/projects/${projectId}/runs/${runId}`);
    const matrix = page.getByTestId('confusion-matrix');
    const perClass = page.getByTestId('per-class-accuracy');
    await expect(matrix.locator('tbody tr')).toHaveCount(n);
    const table = (await matrix.locator('table').boundingBox())!;
    const list = (await perClass.boundingBox())!;
    // Side by side, the matrix (scrolling inside its box when it must) ends before the list begins.
    expect(table.x + table.width, `${n} classes`).toBeLessThanOrEqual(list.x + 1);
    // Labels stay readable: row labels at least 9 px high, and every class has its own row.
    const rowLabel = (await matrix.locator('tbody th').first().boundingBox())!;
    expect(rowLabel.height, `${n} classes`).toBeGreaterThanOrEqual(9);
    await expect(matrix.locator('tbody th').last()).toHaveAttribute('title', `class number ${n}`);
    if (n === 10) await page.screenshot({ path: 'test-results/confusion-10-classes.png', fullPage: true });
    if (n === 100) await page.screenshot({ path: 'test-results/confusion-100-classes.png', fullPage: true });
  }
  await context.close();
});

/** A duration as the run pages write it (components/training/ProgressBar.tsx formatDuration). */
function durationWords(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

test('the page of a live run shows the finished run when it ends, and runs have readable names that can be changed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUp(page, app.url, 'Run watcher', uniqueEmail('watcher'));
  const projectId = await projectWithMlp(page);
  const headers = { origin: app.url };
  const made = await page.request.post(`${app.url}/api/projects/${projectId}/runs`, {
    headers,
    data: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'server', settings: { training: { epochs: 4, learningRate: 0.01 } } },
  });
  expect(made.status(), await made.text()).toBe(201);
  const runId = (await made.json()).id;

  // Opened while the run waits for a worker; followed live until it ends, with no reload.
  await page.goto(`${app.url}/projects/${projectId}/runs/${runId}`);
  const live = page.locator('.run-live');
  await expect(live).toHaveAttribute('data-status', 'completed', { timeout: 120_000 });
  await expect(page.getByRole('link', { name: 'Continue training from these weights' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export TensorFlow.js model' })).toBeVisible();
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  const detail = await (await page.request.get(`${app.url}/api/runs/${runId}`)).json();
  expect(detail.wallTimeMs).toBeGreaterThan(0);
  // Where the server run's time went: the training loop, its checkpoints, and samples/s end to end.
  const timing = page.getByTestId('run-timing');
  await expect(timing).toContainText('Where the time went');
  await expect(timing.locator('tr[data-phase="training"]')).toBeVisible();
  await expect(timing.locator('tr[data-phase="checkpoint"]')).toBeVisible();
  const ratio = Number.parseFloat((await page.getByTestId('run-timing-ratio').textContent()) ?? '');
  expect(ratio).toBeGreaterThan(0);
  expect(ratio).toBeLessThanOrEqual(1);
  // Four epochs over the same training split.
  expect(detail.timing.samples).toBeGreaterThan(0);
  expect(detail.timing.samples % 4).toBe(0);
  await timing.screenshot({ path: test.info().outputPath('run-timing.png') });
  // The duration is the run's own, start to end, not the part the page watched.
  await expect(live.locator('.progress__text')).toHaveText(`Done in ${durationWords(detail.wallTimeMs)}`);

  // Named by design, version, dataset and date; settings by their labels, in their own case.
  const heading = page.getByRole('heading', { level: 2, name: /^Spiral MLP v1 · spiral · \d{1,2} [A-Z][a-z]{2} \d\d:\d\d$/ });
  await expect(heading).toBeVisible();
  const learningRate = page.getByRole('rowheader', { name: 'Learning rate', exact: true });
  await expect(learningRate).toBeVisible();
  await expect(learningRate).toHaveCSS('text-transform', 'none');
  await page.screenshot({ path: 'test-results/run-page-finished.png', fullPage: true });

  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Run name').fill('Higher learning rate');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Higher learning rate' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Higher learning rate' })).toBeVisible();

  // Comparing two runs lists the settings that differ by label.
  const other = await page.request.post(`${app.url}/api/projects/${projectId}/runs`, {
    headers,
    data: {
      versionNumber: 1,
      dataset: { builtin: 'spiral' },
      place: 'browser',
      backend: 'cpu',
      settings: { training: { learningRate: 0.1 } },
    },
  });
  expect(other.status()).toBe(201);
  await page.goto(`${app.url}/projects/${projectId}/runs`);
  await page.getByRole('checkbox', { name: 'Compare Higher learning rate' }).check();
  await page.getByRole('checkbox', { name: /^Compare Spiral MLP v1 · spiral/ }).check();
  const diff = page.getByTestId('settings-diff');
  await expect(diff.getByRole('rowheader', { name: 'Learning rate', exact: true })).toBeVisible();
  await expect(diff).not.toContainText('learningRate');
  await page.screenshot({ path: 'test-results/runs-compare-labels.png', fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test('the Train tab starts on a dataset that fits the design, and says when the input would be adapted', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, app.url, 'Dataset chooser', uniqueEmail('chooser'));

  // A 28×28×1 CNN starts on the digits, with nothing to adapt and no error.
  const lenet = await projectWithMlp(page, 'lenet5', 'Digits CNN');
  await page.goto(`${app.url}/projects/${lenet}/train`);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:digits');
  await expect(page.getByTestId('dataset-summary')).toContainText('28, 28, 1');
  await expect(page.getByTestId('input-adaptation')).toHaveCount(0);
  await expect(page.locator('.alert.error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train in browser' })).toBeEnabled();

  // Picking the spiral says why it cannot work, and offers the way back.
  await page.getByLabel('Dataset', { exact: true }).selectOption('builtin:spiral');
  const note = page.getByTestId('input-adaptation');
  await expect(note).toContainText('This design takes 28×28×1');
  await page.screenshot({ path: 'test-results/train-tab-unfit-dataset.png', fullPage: true });
  await note.getByRole('button', { name: 'Keep the design as it was: train on Handwritten digits (MNIST)' }).click();
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:digits');
  await expect(note).toHaveCount(0);

  // A 2-input MLP on the iris (4 measurements) is adapted, and says so.
  const mlp = await projectWithMlp(page);
  await page.goto(`${app.url}/projects/${mlp}/train`);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:spiral');
  await page.getByLabel('Dataset', { exact: true }).selectOption('builtin:iris');
  await expect(page.getByLabel('Changes to fit the dataset')).toContainText(
    'The input will be adapted from 2 numbers to 4 numbers to match iris.',
  );
  await expect(page.getByTestId('input-adaptation')).toContainText(
    'This design takes 2 numbers; its input will be adapted to this dataset for the run',
  );
  await page.screenshot({ path: 'test-results/train-tab-adapted-input.png', fullPage: true });
  await page.getByRole('button', { name: 'Keep the design as it was: train on Spiral' }).click();
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:spiral');
  await context.close();
});

test('the backend measurement shows its progress, is remembered for the model, and later runs start on the winner at once', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signUp(page, app.url, 'Backend measurer', uniqueEmail('measurer'));
  const projectId = await projectWithMlp(page);
  await page.goto(`${app.url}/projects/${projectId}/train`);
  await expect(page.getByTestId('dataset-summary')).toContainText('spiral');
  await page.locator('#setting-epochs').fill('1');
  await expect(page.getByTestId('backend-memory')).toHaveCount(0);

  await page.getByRole('button', { name: 'Train in browser' }).click();
  const run = page.locator('.browser-run');
  const probe = page.getByRole('progressbar', { name: 'Backend measurement' });
  await expect(probe).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('backend-probe')).toContainText(/Measuring (webgpu|webgl|wasm|cpu) on this model \([1-4] of 4\)/);
  await page.screenshot({ path: 'test-results/backend-probe-progress.png' });
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  const first = (await page.getByTestId('backend').textContent()) ?? '';
  const winner = /Training on (webgpu|webgl|wasm|cpu)/.exec(first)?.[1];
  expect(winner, first).toBeTruthy();
  expect(first).toContain('measured:');
  // WebGPU is measured too: a figure where the browser has an adapter, else unavailable (headless here).
  expect(first).toMatch(/webgpu (unavailable|[\d,]+ samples\/s)/);
  // The page is cross-origin isolated, so WebAssembly runs its multi-threaded build, with the threads
  // TF.js takes: half the logical cores, 1 to 8.
  const { isolated, cores } = await page.evaluate(() => ({ isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }));
  expect(isolated).toBe(true);
  const threads = Math.min(8, Math.max(1, Math.floor(cores / 2)));
  expect(first).toContain(`wasm (${threads} thread${threads === 1 ? '' : 's'})`);

  // Remembered in this browser for this model, shown under the picker, and kept over a reload.
  const memory = page.getByTestId('backend-memory');
  await expect(memory).toContainText(`Runs of this model start on ${winner} at once`);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('netcanvas.backend.')));
  expect(stored).toHaveLength(1);
  await page.reload();
  await page.locator('#setting-epochs').fill('1');
  await expect(memory).toContainText(`start on ${winner}`);

  // The next run starts on it without measuring.
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Train in browser' }).click();
  await expect(page.getByTestId('backend')).toContainText(`Training on ${winner}`, { timeout: 60_000 });
  console.log(`second run: training on ${winner} ${Date.now() - clicked} ms after the click`);
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('backend')).not.toContainText('measured:');
  await page.screenshot({ path: 'test-results/backend-remembered.png' });

  // Measure again forgets it: the next run measures.
  await memory.getByRole('button', { name: 'Measure again' }).click();
  await expect(memory).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('netcanvas.backend.')))).toEqual([]);
  await context.close();
});
