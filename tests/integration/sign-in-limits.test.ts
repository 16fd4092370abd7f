import { afterAll, expect, it, vi } from 'vitest';
import { resetAuth } from '@/server/auth/auth';
import { db } from '@/server/db/client';
import { call, signUp } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

/** A fresh copy of the throttle module, as another server process would have. */
async function anotherProcess(): Promise<typeof import('@/server/auth/sign-in-throttle')> {
  vi.resetModules();
  return import('@/server/auth/sign-in-throttle');
}

const SIGN_IN = new Request('http://localhost:3000/api/auth/sign-in/email', { method: 'POST' });
const attempt = (email: string): [Request, Record<string, unknown>] => [SIGN_IN, { email, password: 'a wrong guess' }];

describeEachDatabase('sign-in limits', (env) => {
  const before = process.env.NETCANVAS_RATE_LIMIT;
  afterAll(() => {
    if (before === undefined) delete process.env.NETCANVAS_RATE_LIMIT;
    else process.env.NETCANVAS_RATE_LIMIT = before;
    resetAuth();
  });

  it('counts attempts per account in the database: another process sees the same budget', async () => {
    process.env.NETCANVAS_RATE_LIMIT = 'on';
    const email = `target.${Date.now()}@example.com`;
    const first = await anotherProcess();
    for (let i = 0; i < 10; i++) expect(await first.guardSignIn(...attempt(email))).toBeNull();
    const second = await anotherProcess();
    const refused = await second.guardSignIn(...attempt(` ${email.toUpperCase()} `));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await first.guardSignIn(...attempt(`someone.else.${Date.now()}@example.com`))).toBeNull();
  });

  it('lets exactly the budget through when attempts arrive at once', async () => {
    const email = `burst.${Date.now()}@example.com`;
    const { guardSignIn } = await anotherProcess();
    const answers = await Promise.all(Array.from({ length: 16 }, () => guardSignIn(...attempt(email))));
    expect(answers.filter((a) => a === null)).toHaveLength(10);
    expect(answers.filter((a) => a?.status === 429)).toHaveLength(6);
  });

  it("keeps Better Auth's per-address counters in the database too", async () => {
    const user = await signUp('Limit Address');
    resetAuth();
    const address = env.db.kind === 'postgres' ? '198.51.100.23' : '198.51.100.24';
    const from = { 'x-forwarded-for': address };
    const statuses: number[] = [];
    // Different accounts each time, so only the per-address limit applies.
    for (let i = 0; i < 10; i++) {
      const response = await call('POST', '/api/auth/sign-in/email', {
        headers: from,
        body: { email: `nobody.${i}.${Date.now()}@example.com`, password: 'a wrong guess' },
      });
      statuses.push(response.status);
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const counter = await db().rateLimit.findFirst({ where: { key: { contains: address } } });
    expect(counter?.count).toBe(10);
    // A new Better Auth instance — another process — refuses the eleventh attempt from that address.
    resetAuth();
    const eleventh = await call('POST', '/api/auth/sign-in/email', { headers: from, body: { email: user.email, password: user.password } });
    expect(eleventh.status).toBe(429);
    // Other addresses are not affected.
    const elsewhere = await call('POST', '/api/auth/sign-in/email', {
      headers: { 'x-forwarded-for': '198.51.100.99' },
      body: { email: user.email, password: user.password },
    });
    expect(elsewhere.status).toBe(200);
  });
});
