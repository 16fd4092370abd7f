import { createProject } from './editor-helpers';
import { expect, test } from './fixtures';
import { PASSWORD, signIn, signUp, uniqueEmail } from './helpers';
import type { AppServer } from './server';

let app: AppServer;
test.beforeAll(({ sharedApp }) => {
  app = sharedApp;
});

const shots = process.env.UPDATE_SCREENSHOTS;

test('the guided tour walks through a first model on real controls, and never comes back once finished', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, app.url, 'Tess', uniqueEmail('tess'));
  await createProject(page, app.url, 'Digits', 'LeNet-5');
  const offer = page.getByRole('region', { name: 'Guided tour' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Start the tour' }).click();

  const card = page.getByRole('dialog', { name: 'Pick a template' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Templates' })).toHaveClass(/tour-target/);
  if (shots) await page.screenshot({ path: 'test-results/shots/tour-1440.png' });

  await card.getByRole('button', { name: 'Next' }).click();
  const shapes = page.getByRole('dialog', { name: 'Look at the shapes' });
  await expect(shapes).toBeVisible();
  await expect(page.locator('[data-testid^="edge-label-"].tour-target')).toHaveCount(1);

  await shapes.getByRole('button', { name: 'Next' }).click();
  const train = page.getByRole('dialog', { name: 'Train it' });
  await expect(page.locator('.project-tabs a.tour-target')).toHaveText('Train');
  // The tour goes on on the Train tab, pointing at the button that trains.
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await expect(train).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train in browser' })).toHaveClass(/tour-target/);
  if (shots) {
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(600);
      await page.screenshot({ path: `test-results/shots/tour-train-${w}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  await train.getByRole('button', { name: 'Next' }).click();
  const matrix = page.getByRole('dialog', { name: 'Read the confusion matrix' });
  await expect(matrix).toBeVisible();
  await matrix.getByRole('button', { name: 'Next' }).click();
  const save = page.getByRole('dialog', { name: 'Save a version' });
  await expect(save).toBeVisible();
  await save.getByRole('link', { name: 'Open the Design tab' }).click();
  await expect(page.getByRole('button', { name: /Save version/ })).toHaveClass(/tour-target/);
  await save.getByRole('button', { name: 'Finish' }).click();
  await expect(save).toHaveCount(0);

  await page.reload();
  await expect(page.locator('.workspace[data-hydrated="true"]')).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(page.getByRole('region', { name: 'Guided tour' })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Escape closes the tour for good, on every browser of the account', async ({ browser }) => {
  const email = uniqueEmail('esc');
  const first = await browser.newPage();
  await signUp(first, app.url, 'Esc', email);
  await createProject(first, app.url, 'Closed');
  await first.getByRole('button', { name: 'Start the tour' }).click();
  await expect(first.getByRole('dialog', { name: 'Pick a template' })).toBeVisible();
  await first.keyboard.press('Escape');
  await expect(first.getByRole('dialog', { name: 'Pick a template' })).toHaveCount(0);
  await expect(first.getByRole('region', { name: 'Guided tour' })).toHaveCount(0);

  const other = await (await browser.newContext()).newPage();
  await signIn(other, app.url, email);
  await other.getByRole('link', { name: 'Closed' }).click();
  await expect(other.locator('.workspace[data-hydrated="true"]')).toBeVisible();
  await other.waitForTimeout(1000);
  await expect(other.getByRole('region', { name: 'Guided tour' })).toHaveCount(0);
});

test('Try it now: a guest trains the demo in the browser, keeps it by signing up, and nobody else can see it', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Try it now' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+\/train$/);
  const projectUrl = page.url().replace(/\/train$/, '');
  await expect(page.getByRole('heading', { name: 'My first model', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Guest mode' })).toBeVisible();
  await expect(page.getByLabel('Dataset')).toHaveValue('builtin:digits');
  if (shots) await page.screenshot({ path: 'test-results/shots/guest-train.png' });

  await page.locator('#setting-epochs').fill('1');
  await page.getByRole('button', { name: 'Train in browser' }).click();
  const run = page.locator('.browser-run');
  await expect(run).toHaveAttribute('data-phase', 'done', { timeout: 240_000 });
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();

  // Somebody else, signed in or not, cannot open the guest's project.
  const stranger = await (await browser.newContext()).newPage();
  await signUp(stranger, app.url, 'Stranger', uniqueEmail('stranger'));
  const peek = await stranger.request.get(`${app.url}/api/projects/${projectUrl.split('/').pop()}`);
  expect(peek.status()).toBe(404);

  await page.getByRole('region', { name: 'Guest mode' }).getByRole('link', { name: 'Sign up to keep it' }).click();
  const email = uniqueEmail('kept');
  await page.getByLabel('Name').fill('Kim Kept');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up and keep my work' }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('link', { name: 'My first model' })).toBeVisible();

  // The kept account signs in like any other and still has the project and its run.
  const later = await (await browser.newContext()).newPage();
  await signIn(later, app.url, email);
  await later.goto(`${projectUrl}/runs`);
  await expect(later.getByRole('heading', { name: 'My first model', level: 1 })).toBeVisible();
  await expect(later.getByRole('region', { name: 'Guest mode' })).toHaveCount(0);
});
