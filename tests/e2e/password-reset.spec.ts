import { expect, test } from '@playwright/test';
import { type Mailbox, openMailbox } from '../integration/helpers/mailbox';
import { signUp, uniqueEmail } from './helpers';
import { type AppServer, startApp } from './server';

let app: AppServer;
let mailbox: Mailbox;
test.beforeAll(async () => {
  mailbox = await openMailbox();
  const before = process.env.SMTP_URL;
  process.env.SMTP_URL = mailbox.url;
  try {
    app = await startApp({ name: 'password-reset' });
  } finally {
    if (before === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = before;
  }
});
test.afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

test('forgot the password: ask for a link, follow it from the mail, choose a new password, sign in with it', async ({ page }) => {
  const email = uniqueEmail('fiona');
  await signUp(page, app.url, 'Fiona', email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  const form = page.getByRole('form', { name: 'Reset your password' });
  await form.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('status')).toContainText(`If ${email} has an account, a link to choose a new password is on its way.`);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'test-results/password-reset-sent.png' });

  await page.goto(await mailbox.linkTo(email, '/api/auth/reset-password/'));
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel('New password', { exact: true }).fill('my new long password');
  await page.getByLabel('The same again', { exact: true }).fill('my new long passwort');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The two passwords differ.');
  await page.getByLabel('The same again', { exact: true }).fill('my new long password');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('region', { name: 'Password changed' })).toBeVisible();
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'test-results/password-reset-done.png' });

  await page.getByRole('region', { name: 'Password changed' }).getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('form', { name: 'Sign in' }).getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('my new long password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);

  // Signed in, the account page changes the password when the current one is given.
  await page.getByRole('banner').getByRole('link', { name: email }).click();
  const change = page.getByRole('form', { name: 'Change your password' });
  await change.getByLabel('Current password', { exact: true }).fill('not my password');
  await change.getByLabel('New password', { exact: true }).fill('my third long password');
  await change.getByLabel('The new one again', { exact: true }).fill('my third long password');
  await change.getByRole('button', { name: 'Change the password' }).click();
  await expect(change.getByRole('alert')).toHaveText('Your current password is not right.');
  await change.getByLabel('Current password', { exact: true }).fill('my new long password');
  await change.getByRole('button', { name: 'Change the password' }).click();
  await expect(change.getByRole('status')).toContainText('Password changed.');
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'test-results/account.png' });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('form', { name: 'Sign in' }).getByLabel('Email').fill(email);
  await page.getByRole('form', { name: 'Sign in' }).getByLabel('Password').fill('my third long password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);

  // The link works once.
  await page.goto(`${app.url}/reset-password?token=used-or-made-up`);
  await page.getByLabel('New password', { exact: true }).fill('another long password');
  await page.getByLabel('The same again', { exact: true }).fill('another long password');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This link has expired or was used already.');
});
