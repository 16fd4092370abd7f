import { expect, test } from '@playwright/test';
import { PASSWORD, signUp, uniqueEmail } from './helpers';
import { type AppServer, startApp } from './server';

let app: AppServer;
test.beforeAll(async () => {
  app = await startApp({ name: 'security' });
});
test.afterAll(async () => {
  await app?.stop();
});

test('pages and API answers carry the security headers; pages a CSP with a fresh nonce', async ({ request }) => {
  const first = await request.get(`${app.url}/sign-in`);
  const second = await request.get(`${app.url}/sign-in`);
  const policy = first.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("'wasm-unsafe-eval'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(second.headers()['content-security-policy']).not.toBe(policy);
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] as string;
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  for (const response of [first, await request.get(`${app.url}/api/health`)]) {
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  }
});

test('the app runs under its CSP: no violation while signing up and opening pages', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signUp(page, app.url, 'Csp Tester', uniqueEmail('csp'));
  await page.goto(`${app.url}/datasets`);
  await page.goto(`${app.url}/tokens`);
  expect(violations).toEqual([]);
});

test('sign-in goes on only to a path of this site', async ({ page }) => {
  const email = uniqueEmail('next');
  await signUp(page, app.url, 'Next Tester', email);
  await page.context().clearCookies();
  for (const next of ['//evil.invalid/phish', '/\\evil.invalid/phish', 'https://evil.invalid/']) {
    await page.goto(`${app.url}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${app.url}/projects`);
    await page.context().clearCookies();
  }
});

test('a forged X-Forwarded-For does not lift the per-address sign-up limit', async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const response = await request.post(`${app.url}/api/auth/sign-up/email`, {
      headers: { origin: app.url, 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}` },
      data: { name: 'Spray', email: uniqueEmail('spray'), password: PASSWORD },
    });
    statuses.push(response.status());
  }
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
});
