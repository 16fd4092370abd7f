import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Settings read from the environment, with the defaults `npm start` relies on. Everything the
 * server needs to know about where it runs is decided here.
 */

/** The folder for the embedded database, the generated secret and the build stamp (git-ignored). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.NETCANVAS_DATA_DIR ?? 'data');
}

export function port(): number {
  return Number(process.env.PORT ?? 3000);
}

/** The address the app is served at; cookies and CSRF checks depend on it matching the real one. */
export function baseUrl(): string {
  return (process.env.BETTER_AUTH_URL ?? `http://localhost:${port()}`).replace(/\/$/, '');
}

/** Origins allowed to send cookie-authenticated writes: the base URL, localhost and 127.0.0.1 on our port. */
export function trustedOrigins(): string[] {
  const extra = (process.env.NETCANVAS_TRUSTED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const p = port();
  return [...new Set([new URL(baseUrl()).origin, `http://localhost:${p}`, `http://127.0.0.1:${p}`, ...extra])];
}

/**
 * TRUSTED_PROXY: how many reverse proxies of the operator's own stand in front of the app (default
 * 0). Only then is X-Forwarded-For believed, and only the entries those proxies appended.
 */
export function trustedProxyHops(): number {
  const value = process.env.TRUSTED_PROXY?.trim();
  if (!value) return 0;
  const hops = Number(value === 'true' ? 1 : value);
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUSTED_PROXY must be a number of proxies (0, 1, 2…), not "${value}".`);
  return hops;
}

/**
 * NETCANVAS_CONFIRM_SIGN_UP=1: a new account signs in only after opening a mailed link, and signing up
 * with an address that already has an account answers exactly as for a new one (the owner is mailed
 * instead), so sign-up tells nobody which addresses have accounts. Off by default: a first visit signs
 * in at once.
 */
export function signUpConfirmedByMail(): boolean {
  const value = process.env.NETCANVAS_CONFIRM_SIGN_UP?.trim();
  if (!value || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`NETCANVAS_CONFIRM_SIGN_UP must be 1 or 0, not "${value}".`);
}

/** BETTER_AUTH_SECRET, else the one `npm start` generated in the data folder. */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir(), 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (process.env.NODE_ENV === 'production') {
    throw new Error('BETTER_AUTH_SECRET is not set and data/auth-secret does not exist: start the app with `npm start`.');
  }
  return 'netcanvas-development-secret-not-for-production-use';
}

/**
 * DATABASE_URL, else the address of the embedded database that a running `npm start` serves
 * (it writes data/pglite.json), so `npm run worker` and `next dev` find it too.
 */
export function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = path.join(dataDir(), 'pglite.json');
  if (existsSync(file)) {
    const { url } = JSON.parse(readFileSync(file, 'utf8')) as { url: string };
    return url;
  }
  throw new Error('No database: set DATABASE_URL, or run `npm start`, which serves the embedded one.');
}
