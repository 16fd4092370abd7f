import type { Page } from '@playwright/test';
import { createProject, editorReady, selectLayer, setFields } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

const toggle = (page: Page) => page.getByRole('toolbar', { name: 'Editor tools' }).getByRole('button', { name: 'Profile', exact: true });

/** Turns the profile on and waits for its figures. */
async function profile(page: Page, timeout = 60_000): Promise<void> {
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('profile-bar')).toContainText(/Profiled on (wasm|webgl|cpu), batch of \d+/, { timeout });
}

/** Every computing layer node on the canvas, as [id, text of its profile row or null]. */
async function layerFigures(page: Page): Promise<[string, string | null][]> {
  return page
    .locator('.layer-node')
    .evaluateAll((nodes) =>
      nodes
        .filter((n) => !n.querySelector('.layer-node__type')?.textContent?.startsWith('Input'))
        .map((n) => [n.getAttribute('data-testid') ?? '', n.querySelector('[data-testid="layer-profile"]')?.textContent ?? null]),
    );
}

test('Profile times every LeNet-5 layer on the canvas and in the summary, marks the slowest, goes stale on an edit and turns off', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUp(page, app.url, 'Profiler', uniqueEmail('profile'));
  await createProject(page, app.url, 'Where the time goes', 'LeNet-5');
  await expect(page.locator('[data-testid="layer-profile"]')).toHaveCount(0);

  await profile(page);
  const figures = await layerFigures(page);
  expect(figures).toHaveLength(8);
  for (const [id, text] of figures) expect(text, id).toMatch(/^\d+(\.\d+)? ms\d+(\.\d+)? (B|KB|MB)(slowest)?$/);
  await expect(page.getByTestId('profile-slowest')).toHaveCount(1);
  await expect(page.locator('.layer-node--slowest')).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 720 });
  // Close enough to read the figures on the nodes.
  await page.locator('.layer-node--slowest').scrollIntoViewIfNeeded();
  await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-zoomin').click();
  await page.screenshot({ path: 'test-results/profile-lenet-1280x720.png' });

  await page.getByRole('button', { name: /Model summary/ }).click();
  const summary = page.getByRole('region', { name: 'Model summary' });
  await expect(summary.getByRole('columnheader', { name: 'Time' })).toBeVisible();
  await expect(summary.getByTestId('summary-time')).toHaveCount(8);
  await expect(summary.locator('.profile-slowest')).toHaveCount(1);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/profile-lenet-summary-1024x768.png' });
  await page.getByRole('button', { name: /Model summary/ }).click();

  // An edit makes the figures stale; profiling again measures the new design.
  await selectLayer(page, 'dense_1');
  await setFields(page, { Units: '2048' });
  await expect(page.getByTestId('profile-bar')).toContainText('out of date');
  await page.getByTestId('profile-bar').getByRole('button', { name: 'Profile again' }).click();
  await expect(page.getByTestId('profile-bar')).toContainText('Profiled on', { timeout: 60_000 });
  await expect(page.getByTestId('profile-bar')).not.toContainText('out of date');
  await expect(page.locator('.layer-node--profile-stale')).toHaveCount(0);

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('[data-testid="layer-profile"]')).toHaveCount(0);
  await expect(page.locator('.layer-node--profiled')).toHaveCount(0);
  await expect(page.getByTestId('profile-bar')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a design with a problem is not profiled: the overlay names the layer to fix', async ({ page }) => {
  await signUp(page, app.url, 'Profiler two', uniqueEmail('profile-bad'));
  await createProject(page, app.url, 'Broken', 'LeNet-5');
  await selectLayer(page, 'conv2d_2');
  await setFields(page, { 'Kernel size': '64' });
  await toggle(page).click();
  const bar = page.getByTestId('profile-bar');
  await expect(bar).toContainText('to fix first');
  await expect(bar).not.toContainText(/tensor|kernel '|undefined/i);
});

test('an imported MobileNetV2 from the gallery is profiled layer by layer', async ({ page }) => {
  test.setTimeout(420_000);
  await signUp(page, app.url, 'Gallery profiler', uniqueEmail('profile-mobilenet'));
  await page.getByRole('link', { name: 'Gallery', exact: true }).click();
  await page.getByRole('link', { name: 'MobileNetV2 (ImageNet-derived backbone)' }).click();
  await page.getByLabel('Backbone, cut at global pooling').check();
  await page.getByRole('button', { name: 'Open as a project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/, { timeout: 90_000 });
  await editorReady(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await toggle(page).click();
  await expect(page.getByTestId('profile-bar')).toContainText(/Profiling layer \d+ of \d+/, { timeout: 60_000 });
  await expect(page.getByTestId('profile-bar')).toContainText('Profiled on', { timeout: 300_000 });
  await page.getByRole('button', { name: /Model summary/ }).click();
  const summary = page.getByRole('region', { name: 'Model summary' });
  const rows = summary.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThan(100);
  // Every row but the input has a time; exactly one is the slowest.
  await expect(summary.getByTestId('summary-time')).toHaveCount(count - 1);
  await expect(summary.locator('.profile-slowest')).toHaveCount(1);
  await page.getByRole('button', { name: /Model summary/ }).click();
  await page.screenshot({ path: 'test-results/profile-mobilenet-1280x720.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/profile-mobilenet-1024x768.png' });
});
