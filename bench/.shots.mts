import { chromium } from '@playwright/test';
import { startApp } from '../tests/e2e/server';
import { chromiumOptions } from './support';
const app = await startApp({ name: 'shots' });
const browser = await chromium.launch(chromiumOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.url);
  await page.screenshot({ path: 'test-results/shots/home-1440.png' });
  await page.goto(`${app.url}/sign-up`);
  await page.getByLabel('Name').fill('Shots');
  await page.getByLabel('Email').fill(`shots.${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('a good long password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL(/\/projects$/);
  await page.getByLabel('Project name').fill('MobileNet');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.locator('.workspace[data-hydrated="true"]').waitFor();
  const dir = 'tests/fixtures/models/with-weights/nsfwjs-mobilenetv2';
  await page.getByLabel('Import model files').setInputFiles([`${dir}/model.json`, `${dir}/group1-shard1of1`]);
  const done = page.getByRole('status', { name: 'Import finished' });
  await done.waitFor({ timeout: 120_000 });
  await done.getByRole('button', { name: 'OK' }).click();
  for (const [w, h] of [[1440, 900], [1280, 720], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(1200);
    const box = await page.getByLabel('Network canvas').boundingBox();
    console.log(`canvas at ${w}x${h}:`, box && Math.round(box.width), box && Math.round(box.height));
    await page.screenshot({ path: `test-results/shots/mobilenet-${w}.png` });
  }
  if (process.argv.includes('--readme')) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'docs/editor-mobilenet.png' });
  }
} finally {
  await browser.close();
  await app.stop();
}
