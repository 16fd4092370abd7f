import { templateGraph } from '../../engine/templates';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

test('trains the small detector on the shapes with boxes on the server, then reads found boxes over the test images', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signUp(page, app.url, 'Detector', uniqueEmail('detector'));
  const headers = { origin: app.url };
  const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
  const project = await (
    await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, { headers, data: { name: 'Boxes' } })
  ).json();
  const saved = await page.request.post(`${app.url}/api/projects/${project.id}/versions`, {
    headers,
    data: { parent: null, graph: templateGraph('detector-small') },
  });
  expect(saved.status()).toBe(201);

  // The Train tab picks the set with boxes for a box-grid design, and says which loss and why.
  await page.goto(`${app.url}/projects/${project.id}/train`);
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue('builtin:shapes-boxes');
  await expect(page.getByText(/focal loss on object centres/).first()).toBeVisible();
  await page.locator('#setting-epochs').fill('3');
  await page.getByRole('button', { name: 'Train on server' }).click();
  const live = page.locator('.run-live');
  await expect(live).toHaveAttribute('data-status', 'completed', { timeout: 480_000 });

  const runs = await (await page.request.get(`${app.url}/api/projects/${project.id}/runs`)).json();
  await page.goto(`${app.url}/projects/${project.id}/runs/${runs.runs[0].id}`);
  await expect(page.getByRole('heading', { name: /mAP@0\.5 .* mAP@0\.5:0\.95 .* over 90 images/ })).toBeVisible({ timeout: 30_000 });
  const perClass = page.getByTestId('ap-per-class');
  await expect(perClass.locator('li')).toHaveCount(3);
  await expect(perClass).toContainText('circle');
  await expect(page.getByTestId('precision-recall').locator('svg')).toBeVisible();
  const samples = page.getByTestId('detection-samples');
  await expect(samples.locator('li').first()).toBeVisible();
  expect(await samples.locator('li').count()).toBeGreaterThanOrEqual(4);
  // Each test image twice: its true boxes, then those found above the slider's score.
  const truth = samples.getByRole('figure', { name: 'Image 1, true boxes' });
  await expect(truth).toHaveAttribute('data-boxes', /^[1-9]/);
  const found = samples.getByRole('figure', { name: 'Image 1, found boxes' });
  const slider = page.getByLabel('Score threshold');
  await slider.fill('0.05');
  const many = Number(await found.getAttribute('data-boxes'));
  await slider.fill('0.95');
  const few = Number(await found.getAttribute('data-boxes'));
  expect(few).toBeLessThanOrEqual(many);
  await slider.fill('0.3');
  await page.screenshot({ path: test.info().outputPath('detection-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: test.info().outputPath('detection-1024.png'), fullPage: true });
  // Nothing on the page reaches past a 1024-pixel window.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 1024).map((el) => el.tagName),
  );
  expect(wide).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the built-in shapes with boxes show their boxes over the pictures', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await signUp(page, app.url, 'Box viewer', uniqueEmail('boxviewer'));
  await page.goto(`${app.url}/datasets/builtin/shapes-boxes`);
  const first = page.locator('.ds-gallery figure').first();
  await expect(first).toHaveText(/[1-3] box\(es\)$/);
  await expect(first.locator('canvas')).toHaveAttribute('aria-label', /^Sample 1: [1-3] box\(es\)$/);
  await expect(page.locator('.ds-gallery .box-overlay rect').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Class balance (boxes)' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('shapes-boxes-1280.png'), fullPage: true });
  await context.close();
});
