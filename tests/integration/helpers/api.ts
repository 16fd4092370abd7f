import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Calls the real route handlers in app/api (imported as modules, as Next does) with real Request
 * objects: real auth (cookies or API tokens), real zod, real database.
 */
export const ORIGIN = 'http://localhost:3000';
export const API_ROOT = path.resolve(import.meta.dirname, '../../../app/api');
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export interface RouteFile {
  /** e.g. `projects/[projectId]/versions` */
  file: string;
  pattern: RegExp;
  paramNames: string[];
}

/** Every route file under app/api. */
export function routeFiles(dir = API_ROOT, prefix = ''): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...routeFiles(full, prefix ? `${prefix}/${entry}` : entry));
    else if (entry === 'route.ts') out.push(compile(prefix));
  }
  return out.sort((a, b) => specificity(b) - specificity(a));
}

function specificity(r: RouteFile): number {
  return r.file.split('/').reduce((n, s) => n + (s.startsWith('[...') ? 0 : s.startsWith('[') ? 1 : 3), 0);
}

function compile(file: string): RouteFile {
  const paramNames: string[] = [];
  const source = file
    .split('/')
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll) {
        paramNames.push(catchAll[1] as string);
        return '(.+)';
      }
      const param = /^\[(\w+)\]$/.exec(segment);
      if (param) {
        paramNames.push(param[1] as string);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { file, pattern: new RegExp(`^/api/${source}$`), paramNames };
}

const ROUTES = routeFiles();
const modules = new Map<string, Record<string, unknown>>();

async function load(file: string): Promise<Record<string, unknown>> {
  let mod = modules.get(file);
  if (!mod) {
    mod = (await import(path.join(API_ROOT, file, 'route.ts'))) as Record<string, unknown>;
    modules.set(file, mod);
  }
  return mod;
}

export async function routeModule(file: string): Promise<Record<string, unknown>> {
  return load(file);
}

export interface Credentials {
  cookie?: string;
  token?: string;
}

export interface CallOptions {
  as?: Credentials | null;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the Origin header of our own pages (default true). */
  origin?: string | null;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Sends one request through the matching route handler and returns its raw Response. */
export async function send(method: Method, url: string, options: CallOptions = {}): Promise<Response> {
  const { pathname } = new URL(url, ORIGIN);
  const route = ROUTES.find((r) => r.pattern.test(pathname));
  if (!route) throw new Error(`no route file for ${pathname}`);
  const match = route.pattern.exec(pathname) as RegExpExecArray;
  const params: Record<string, string | string[]> = {};
  route.paramNames.forEach((name, i) => {
    const raw = decodeURIComponent(match[i + 1] as string);
    params[name] = route.file.includes(`[...${name}]`) ? raw.split('/') : raw;
  });
  const mod = await load(route.file);
  const handler = mod[method] as ((req: Request, ctx: { params: Promise<typeof params> }) => Promise<Response>) | undefined;
  if (!handler) return new Response(null, { status: 405 });
  const headers = new Headers(options.headers);
  if (options.origin !== null) headers.set('origin', options.origin ?? ORIGIN);
  if (options.as?.cookie) headers.set('cookie', options.as.cookie);
  if (options.as?.token) headers.set('authorization', `Bearer ${options.as.token}`);
  let body: string | Uint8Array | undefined;
  if (options.body instanceof Uint8Array) {
    body = options.body;
    headers.set('content-type', 'application/octet-stream');
  } else if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers.set('content-type', 'application/json');
  }
  const request = new Request(new URL(url, ORIGIN), { method, headers, body: body as BodyInit | undefined });
  return handler(request, { params: Promise.resolve(params) });
}

/** Sends one request through the matching route handler. */
// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely and assert on them
export async function call<T = any>(method: Method, url: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const response = await send(method, url, options);
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  cookie: string;
}

let counter = 0;

/** Signs a new user up through Better Auth and keeps the session cookie it sets. */
export async function signUp(name = 'Test user'): Promise<TestUser> {
  counter += 1;
  const email = `user${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = 'correct horse battery staple';
  const response = await call('POST', '/api/auth/sign-up/email', { body: { name, email, password } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const cookie = cookiesFrom(response.headers);
  const me = await call('GET', '/api/me', { as: { cookie } });
  expect(me.status).toBe(200);
  return { id: me.body.id, email, name, password, cookie };
}

/**
 * Marks a test user's email as verified, for tests about something else that need a member who
 * accepted an invitation (the mailed-link flow itself: tests/integration/attacks/invitations.test.ts).
 */
export async function verifyEmail(user: { id: string }): Promise<void> {
  const { db } = await import('@/server/db/client');
  await db().user.update({ where: { id: user.id }, data: { emailVerified: true } });
}

export function cookiesFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

export const graphFixture = (units = 10, extra: Record<string, unknown> = {}) => ({
  format: 'netcanvas.graph',
  version: 1,
  nodes: [
    { id: 'in', type: 'input', params: { shape: [4] }, position: { x: 0, y: 0 } },
    { id: 'd1', type: 'dense', params: { units, activation: 'relu' }, position: { x: 0, y: 100 } },
    { id: 'out', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'd1' },
    { id: 'e2', source: 'd1', target: 'out' },
  ],
  ...extra,
});
