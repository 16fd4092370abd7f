import { editorReady, layer, sideTab } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import { projectWith, trainedLenetRun } from './run-helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

test('inside a trained LeNet: one feature map per filter of the chosen layer, different for two inputs', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUp(page, app.url, 'Looker', uniqueEmail('inside'));
  const projectId = await projectWith(page, app.url, 'lenet5', 'LeNet inside');
  const runId = await trainedLenetRun(page, app.url, projectId);
  await page.goto(`${app.url}/projects/${projectId}`);
  await page.getByRole('link', { name: 'Inside', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/inside`));
  expect(runId).toBeTruthy();

  const detail = page.getByTestId('step-detail');
  await expect(detail).toBeVisible({ timeout: 60_000 });
  // Step 1 is the first convolution: 6 filters, so 6 maps, with its shape and range.
  await expect(page.getByTestId('step-facts')).toContainText('28 × 28 × 6');
  const maps = detail.getByTestId('feature-map');
  await expect(maps).toHaveCount(6);
  const first = await maps.evaluateAll((all) => all.map((m) => m.getAttribute('data-signature')));
  expect(new Set(first).size).toBe(6);
  // The second convolution has 16 filters.
  await page.getByRole('button', { name: /^3 conv2d/ }).click();
  await expect(detail.getByTestId('feature-map')).toHaveCount(16);
  await page.getByRole('button', { name: /^1 conv2d/ }).click();

  const before = await page.getByTestId('sample-preview').getAttribute('data-signature');
  await page.getByRole('button', { name: 'Next sample' }).click();
  await expect(page.getByTestId('sample-preview')).not.toHaveAttribute('data-signature', before ?? '');
  await expect.poll(async () => maps.evaluateAll((all) => all.map((m) => m.getAttribute('data-signature')))).not.toEqual(first);
  await expect(maps).toHaveCount(6);

  // Every layer at once: both convolutions' maps, dense bars and the probabilities of the ten digits.
  await expect(page.getByTestId('inside-layer')).toHaveCount(5);
  await expect(page.getByTestId('inside-probabilities').first().locator('li')).toHaveCount(5);
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('step-facts')).toContainText('14 × 14 × 6');
  expect(errors).toEqual([]);
});

test('the decision boundary on the spiral changes from one epoch to the next while training in the browser', async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, app.url, 'Boundary watcher', uniqueEmail('boundary'));
  const projectId = await projectWith(page, app.url, 'mlp', 'Spiral MLP');
  await page.goto(`${app.url}/projects/${projectId}/train`);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:spiral');
  await page.locator('#setting-epochs').fill('8');
  await page.locator('#setting-batchSize').fill('16');
  await page.getByRole('button', { name: 'Train in browser' }).click();
  const boundary = page.getByTestId('decision-boundary');
  // Whichever epoch is drawn first (a fast machine may pass epoch 0 before the page looks), a later
  // epoch draws another boundary.
  await expect(boundary).toHaveAttribute('data-epoch', /^\d+$/, { timeout: 120_000 });
  const [epoch, first] = await boundary.evaluate((el) => [el.dataset.epoch, el.dataset.signature]);
  await expect.poll(() => boundary.getAttribute('data-epoch'), { timeout: 60_000 }).not.toBe(epoch);
  expect(await boundary.getAttribute('data-signature')).not.toBe(first);
  await expect(page.getByTestId('weight-histograms').locator('figure')).toHaveCount(3);
  await expect(page.locator('.browser-run')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
});

test('comments on a layer: a badge with the count on the canvas, replies, resolve', async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, app.url, 'Commenter', uniqueEmail('comments'));
  const projectId = await projectWith(page, app.url, 'lenet5', 'Commented');
  await page.goto(`${app.url}/projects/${projectId}`);
  await editorReady(page);
  await layer(page, 'conv2d_1').click();
  await sideTab(page, 'Comments').click();
  await page.getByLabel('Comment on this layer').fill('Why a 5×5 kernel?');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = page.getByTestId('comment-thread');
  await expect(thread).toContainText('Commenter');
  await expect(thread).toContainText('just now');
  await expect(layer(page, 'conv2d_1').getByTestId('comment-badge')).toHaveAttribute('data-count', '1');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await thread.getByLabel('Reply').fill('As in LeNet-5.');
  await thread.getByRole('button', { name: 'Reply' }).click();
  await expect(thread.locator('.comment')).toHaveCount(2);
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(layer(page, 'conv2d_1').getByTestId('comment-badge')).toHaveCount(0);
  await page.reload();
  await editorReady(page);
  await expect(layer(page, 'conv2d_1').getByTestId('comment-badge')).toHaveCount(0);
  await sideTab(page, 'Comments').click();
  await page.getByLabel(/Show 1 resolved/).check();
  await expect(page.getByTestId('comment-thread')).toHaveAttribute('data-resolved', 'true');
  await expect(page.getByTestId('comment-thread')).toContainText('Resolved by Commenter');
});
