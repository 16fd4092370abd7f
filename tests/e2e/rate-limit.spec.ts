import { expect, test } from '@playwright/test';
import { type AppServer, startApp } from './server';

let app: AppServer;
test.beforeAll(async () => {
  app = await startApp({ name: 'rate-limit' });
});
test.afterAll(async () => {
  await app?.stop();
});

test('the production server limits sign-in attempts, per address and per account', async ({ request }) => {
  const email = `target${Date.now()}@example.com`;
  const signUp = await request.post(`${app.url}/api/auth/sign-up/email`, {
    headers: { origin: app.url },
    data: { name: 'Target', email, password: 'the real password' },
  });
  expect(signUp.status()).toBe(200);
  const attempt = (headers: Record<string, string> = {}) =>
    request.post(`${app.url}/api/auth/sign-in/email`, {
      headers: { origin: app.url, ...headers },
      data: { email, password: 'a wrong guess' },
    });
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await attempt()).status());
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses.slice(10)).toEqual([429, 429]);
  // A forged X-Forwarded-For does not buy more guesses at the same account.
  const forged = await attempt({ 'x-forwarded-for': '203.0.113.7' });
  expect(forged.status()).toBe(429);
  // The right password from a browser on the page is refused too until the window passes: no oracle.
  const right = await request.post(`${app.url}/api/auth/sign-in/email`, {
    headers: { origin: app.url },
    data: { email, password: 'the real password' },
  });
  expect(right.status()).toBe(429);
});

test('cookie-authenticated API writes from a foreign origin are refused', async ({ request }) => {
  const email = `csrf${Date.now()}@example.com`;
  await request.post(`${app.url}/api/auth/sign-up/email`, {
    headers: { origin: app.url },
    data: { name: 'C', email, password: 'the real password' },
  });
  const foreign = await request.post(`${app.url}/api/teams`, { headers: { origin: 'https://evil.example' }, data: { name: 'x' } });
  expect(foreign.status()).toBe(403);
  const own = await request.post(`${app.url}/api/teams`, { headers: { origin: app.url }, data: { name: 'Mine' } });
  expect(own.status()).toBe(201);
  const signUpForeign = await request.post(`${app.url}/api/auth/sign-up/email`, {
    headers: { origin: 'https://evil.example' },
    data: { name: 'E', email: `evil${Date.now()}@example.com`, password: 'the real password' },
  });
  expect(signUpForeign.status()).toBe(403);
});
