import type { z } from 'zod';
import { type Caller, resolveCaller } from '@/server/auth/caller';
import { trustedOrigins } from '@/server/env';
import { ApiError, errorResponse } from '@/server/http/errors';

/** Largest request body accepted (a graph of tens of thousands of nodes still fits). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

interface RouteSpec<P, Q, B, O> {
  /** `public` routes skip the caller check; everything else needs a session or an API token. */
  auth?: 'user' | 'public';
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** The response body's schema: every answer is checked against it before it leaves. */
  output: z.ZodType<O>;
  /** Status of a successful answer (default 200). */
  status?: number;
}

export interface RouteContext<P, Q, B> {
  request: Request;
  caller: Caller;
  params: P;
  query: Q;
  body: B;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route handler: finds the caller (session cookie or API token), refuses cross-site
 * cookie-authenticated writes, parses params, query and body with zod, runs the handler, checks
 * the answer against the output schema, and turns every failure into the error contract.
 *
 * @example
 * export const GET = route({ params: ProjectParams, output: ProjectSchema }, ({ caller, params }) =>
 *   getProject(caller.userId, params.projectId));
 */
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined, O = unknown>(
  spec: RouteSpec<P, Q, B, O>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<O>,
): (request: Request, context: NextContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const caller = await resolveCaller(request.headers);
      if (!caller && spec.auth !== 'public') throw new ApiError('unauthorized', 'Sign in, or send an API token, to use this.');
      if (caller?.via === 'session') checkOrigin(request);
      const params = spec.params ? spec.params.parse(await context.params) : ({} as P);
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : ({} as Q);
      const body = spec.body ? spec.body.parse(await readJson(request)) : (undefined as B);
      const result = await handler({ request, caller: caller as Caller, params, query, body });
      const output = spec.output.parse(result);
      if (spec.status === 204) return new Response(null, { status: 204 });
      return Response.json(output, { status: spec.status ?? 200, headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSRF: a write that rides on the session cookie must come from one of our own pages. */
export function checkOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin') ?? originOf(request.headers.get('referer'));
  if (!origin || !trustedOrigins().includes(origin)) {
    throw new ApiError('forbidden', 'Cross-site request refused: send writes from the NetCanvas app, or use an API token.');
  }
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'The request body is not valid JSON.');
  }
}

function tooLarge(): ApiError {
  return new ApiError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
}
