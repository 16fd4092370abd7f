import { expect, test } from './fixtures';
import { openGalleryProject, signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

test('a feature-extraction run with an SVM, started on the Runs tab, shows its accuracy and confusion matrix', async ({ page }) => {
  test.setTimeout(300_000);
  await signUp(page, app.url, 'Feature extractor', uniqueEmail('features'));
  const projectId = await openGalleryProject(page, app.url);

  await page.goto(`${app.url}/projects/${projectId}/runs`);
  const form = page.getByRole('region', { name: 'Feature extraction' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Layer')).toHaveValue('flatten_1');
  await expect(form.getByLabel('Weights')).toContainText('own (pretrained)');
  await form.getByLabel('Dataset').selectOption({ label: 'Handwritten digits (MNIST)' });
  await form.getByLabel('Classifier').selectOption('svm');
  await form.getByLabel('Training samples (at most)').fill('300');
  await page.setViewportSize({ width: 1280, height: 720 });
  await form.screenshot({ path: 'test-results/feature-extraction-form.png' });
  await form.getByRole('button', { name: 'Extract features and train' }).click();

  await page.waitForURL(/\/runs\/[^/]+$/);
  const result = page.getByRole('region', { name: 'Feature extraction result' });
  await expect(result.getByRole('heading', { name: 'Features · SVM' })).toBeVisible();
  await expect(result.getByTestId('feature-accuracy')).toBeVisible({ timeout: 240_000 });
  const accuracy = Number.parseFloat((await result.getByTestId('feature-accuracy').textContent()) ?? '0');
  expect(accuracy).toBeGreaterThan(90); // the digits CNN's own features, on the digits: far above chance
  await expect(result.getByTestId('confusion-matrix')).toBeVisible();
  await expect(result.getByTestId('confusion-matrix').locator('tbody tr')).toHaveCount(10);
  await expect(result.getByRole('link', { name: 'Predict with this run' })).toBeVisible();
  await page.screenshot({ path: 'test-results/feature-extraction-run-1280.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/feature-extraction-run-1024.png', fullPage: true });

  // The Runs tab lists it with its kind.
  await page.goto(`${app.url}/projects/${projectId}/runs`);
  await expect(page.locator('.runs-table')).toContainText('Features · SVM');
});
