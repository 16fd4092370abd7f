import { expect, type Page, test } from '@playwright/test';
import { linkInServerLog, PASSWORD, uniqueEmail } from './helpers';
import { type AppServer, startApp } from './server';

let app: AppServer;
test.beforeAll(async () => {
  app = await startApp({ name: 'sign-up-confirmation', env: { NETCANVAS_CONFIRM_SIGN_UP: '1' } });
});
test.afterAll(async () => {
  await app?.stop();
});

async function fillSignUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.goto(`${app.url}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
}

test('with sign-up confirmed by mail, a new and a taken address see the same page; the mailed link signs the new one in', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage();
  // No guest demo here: a guest signs in without a link.
  await page.goto(app.url);
  await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try it now' })).toHaveCount(0);
  const email = uniqueEmail('nina');
  await fillSignUp(page, 'Nina', email);
  const inbox = page.getByRole('region', { name: 'Check your inbox' });
  await expect(inbox).toContainText(`We sent a link to ${email}`);
  const fresh = (await inbox.innerText()).replace(email, '…');
  await page.screenshot({ path: test.info().outputPath('check-your-inbox.png') });

  // Before the link, signing in says what to do.
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Confirm your address first')).toBeVisible();

  // The link from the mail signs in and lands on the projects.
  await page.goto(await linkInServerLog('sign-up-confirmation', email, '/api/auth/verify-email'));
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole('heading', { name: "Nina's team" })).toBeVisible();

  // Someone else trying the same address sees exactly what Nina saw, and gets no session.
  const stranger = await (await browser.newContext()).newPage();
  await fillSignUp(stranger, 'Mallory', email, 'another password');
  const taken = stranger.getByRole('region', { name: 'Check your inbox' });
  await expect(taken).toContainText(`We sent a link to ${email}`);
  expect((await taken.innerText()).replace(email, '…')).toBe(fresh);
  await stranger.goto(`${app.url}/projects`);
  await expect(stranger).toHaveURL(/\/sign-in/);
});
