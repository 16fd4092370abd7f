import { test as base } from '@playwright/test';
import { type AppServer, startApp } from './server';

export { expect } from '@playwright/test';

/** How many tests of this worker have asked for a client address. */
let clients = 0;

/**
 * Playwright's `test` with one app server per worker (`sharedApp`), for the spec files that need no
 * settings and no database of their own: each start costs seconds, and every test signs up its own
 * accounts, so they meet nothing of one another's.
 *
 * The shared server runs as behind one proxy of the operator's (TRUSTED_PROXY=1) and every test is a
 * client of its own address (the X-Forwarded-For that proxy would send), so the per-address limits
 * (ten sign-ups a minute) count each test's requests apart, as for so many visitors. The limits
 * themselves are tested on servers of their own (rate-limit.spec.ts, security.spec.ts).
 *
 * E2E_APP_URL runs the specs against a server already running (e.g. `npm run dev` while working on one).
 */
export const test = base.extend<object, { sharedApp: AppServer }>({
  sharedApp: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function takes from its first parameter.
    async ({}, use) => {
      const url = process.env.E2E_APP_URL;
      if (url) {
        await use({ url, name: 'external', port: Number(new URL(url).port), dataDir: '', stop: async () => {} });
        return;
      }
      const app = await startApp({ name: 'shared', env: { TRUSTED_PROXY: '1' } });
      try {
        await use(app);
      } finally {
        await app.stop();
      }
    },
    // The first start may build the app.
    { scope: 'worker', timeout: 600_000 },
  ],
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    clients += 1;
    const address = `10.0.${(clients >> 8) & 255}.${clients & 255}`;
    await use({ ...extraHTTPHeaders, 'x-forwarded-for': address });
  },
});
