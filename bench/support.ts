import { createServer } from 'node:net';
import type { LaunchOptions } from '@playwright/test';
import pg from 'pg';
import config from '../playwright.config';

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Runs one statement on its own connection (CREATE / DROP DATABASE cannot share a transaction). */
export async function runSql(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Chromium as the browser tests launch it, with any extra flags. */
export function chromiumOptions(...extraArgs: string[]): LaunchOptions {
  const launch = config.use?.launchOptions ?? {};
  return { ...launch, args: [...(launch.args ?? []), ...extraArgs] };
}
