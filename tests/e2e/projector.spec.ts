import { editorReady, layer } from './editor-helpers';
import { expect, test } from './fixtures';
import { signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
];

test('the editor and the Train tab fit a projector at 1024×768 and 1280×720; the text size control scales the layers and is kept', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, app.url, 'Presenter', uniqueEmail('projector'));
  const teams = await (await page.request.get(`${app.url}/api/teams`)).json();
  const project = await (
    await page.request.post(`${app.url}/api/teams/${teams.teams[0].id}/projects`, {
      headers: { origin: app.url },
      data: { name: 'LeNet on the projector', template: 'lenet5' },
    })
  ).json();
  // A presenter has answered the first-visit tour offer; it takes a line of its own until then.
  await page.goto(`${app.url}/projects/${project.id}`);
  await page.getByRole('button', { name: 'No thanks' }).click();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto(`${app.url}/projects/${project.id}`);
    await editorReady(page);
    const fit = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)?.getBoundingClientRect();
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        toolbar: box('.toolbar')?.height ?? 0,
        stageRight: box('.editor__stage')?.right ?? 0,
        stageBottom: box('.editor__stage')?.bottom ?? 0,
        sideRight: box('.editor__side')?.right ?? 0,
        head: box('.project-head')?.height ?? 0,
      };
    });
    expect(fit.overflow, `page wider than ${size.width}`).toBeLessThanOrEqual(0);
    expect(fit.toolbar, 'the toolbar is one row').toBeLessThan(52);
    expect(fit.head, 'the project header is one row').toBeLessThan(70);
    expect(fit.sideRight).toBeLessThanOrEqual(size.width);
    expect(fit.stageBottom).toBeLessThanOrEqual(size.height);
    await expect(layer(page, 'conv2d_1')).toBeInViewport();
    await page.screenshot({ path: `test-results/projector-editor-${size.width}.png` });

    await page.getByRole('link', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Train in browser' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/projector-train-${size.width}.png` });
  }

  // Between the projector sizes and a wide screen, every tool stays in one row inside the toolbar, the save
  // button last and clear of the side panel, on the canvas and in the JSON view.
  await page.goto(`${app.url}/projects/${project.id}`);
  await editorReady(page);
  for (const view of ['canvas', 'json']) {
    if (view === 'json') await page.getByRole('button', { name: 'Edit as JSON' }).click();
    for (const width of [1100, 1200, 1360, 1440, 1680]) {
      await page.setViewportSize({ width, height: 900 });
      const bar = await page.evaluate(() => {
        const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect();
        const save = document.querySelector('.tool--save')?.getBoundingClientRect();
        const side = document.querySelector('.editor__side')?.getBoundingClientRect();
        return { height: toolbar?.height ?? 0, saveRight: save?.right ?? 0, toolbarRight: toolbar?.right ?? 0, sideLeft: side?.left ?? 0 };
      });
      expect(bar.height, `one row at ${width} px (${view})`).toBeLessThan(52);
      expect(bar.saveRight, `save inside the toolbar at ${width} px (${view})`).toBeLessThanOrEqual(bar.toolbarRight);
      expect(bar.saveRight).toBeLessThanOrEqual(bar.sideLeft);
    }
  }
  await page.getByRole('button', { name: 'Edit as JSON' }).click();
  await page.setViewportSize({ width: 1280, height: 720 });

  const nameSize = () =>
    layer(page, 'conv2d_1')
      .locator('.layer-node__name')
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
  const normal = await nameSize();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await page.getByRole('button', { name: 'Larger text' }).click();
  await expect(page.getByTestId('text-scale')).toHaveAttribute('data-scale', '1.3');
  expect(await nameSize()).toBeCloseTo(normal * 1.3, 1);
  await page.reload();
  await editorReady(page);
  await expect(page.getByTestId('text-scale')).toHaveAttribute('data-scale', '1.3');
  expect(await nameSize()).toBeCloseTo(normal * 1.3, 1);
  await page.screenshot({ path: 'test-results/projector-editor-1280-larger.png' });
  await page.getByRole('button', { name: 'Smaller text' }).click();
  await expect(page.getByTestId('text-scale')).toHaveAttribute('data-scale', '1.15');
});
