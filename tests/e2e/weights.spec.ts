import { expect, test } from './fixtures';
import { openGalleryProject, signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

/**
 * A gallery model's weights belong to its design: each layer shows where its weights come from, an
 * edit turns the changed layers' badges, and the Train tab says before a run that it starts from them.
 */
test('weights badges on the canvas and the starting weights on the Train tab', async ({ page }) => {
  await signUp(page, app.url, 'Wendy Weights', uniqueEmail('weights'));
  const projectId = await openGalleryProject(page, app.url);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${app.url}/projects/${projectId}`);
  const badges = page.getByTestId('weights-badge');
  // Two convolutions and two Dense layers have weights, all of them the gallery's.
  await expect(badges).toHaveCount(4);
  await expect(page.getByTestId('weights-badge').filter({ hasText: 'pretrained' })).toHaveCount(4);
  await page.screenshot({ path: 'test-results/weights-canvas-1280.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/weights-canvas-1024.png' });

  await page.goto(`${app.url}/projects/${projectId}/train`);
  await expect(page.getByTestId('version-weights')).toContainText('Starts from the weights stored with this version');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'test-results/weights-train-1280.png' });
});
