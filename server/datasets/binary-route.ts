import type { z } from 'zod';
import { type Caller, resolveCaller } from '@/server/auth/caller';
import { trustedOrigins } from '@/server/env';
import { ApiError, errorResponse } from '@/server/http/errors';

interface BinaryRouteSpec<P, Q> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
}

export interface BinaryRouteContext<P, Q> {
  request: Request;
  caller: Caller;
  params: P;
  query: Q;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `route()` for the two kinds of dataset routes JSON does not fit: uploads, whose body is a file
 * streamed straight from the request, and batches, answered with bytes. Same caller check, same
 * cross-site refusal for cookie-authenticated writes, same zod parsing of params and query, same
 * error contract; the handler returns the Response itself.
 */
export function binaryRoute<P = Record<string, never>, Q = Record<string, never>>(
  spec: BinaryRouteSpec<P, Q>,
  handler: (ctx: BinaryRouteContext<P, Q>) => Promise<Response>,
): (request: Request, context: NextContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const caller = await resolveCaller(request.headers);
      if (!caller) throw new ApiError('unauthorized', 'Sign in, or send an API token, to use this.');
      if (caller.via === 'session' && !SAFE_METHODS.has(request.method)) {
        const origin = request.headers.get('origin') ?? originOf(request.headers.get('referer'));
        if (!origin || !trustedOrigins().includes(origin)) {
          throw new ApiError('forbidden', 'Cross-site request refused: send writes from the NetCanvas app, or use an API token.');
        }
      }
      const params = spec.params ? spec.params.parse(await context.params) : ({} as P);
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : ({} as Q);
      return await handler({ request, caller, params, query });
    } catch (error) {
      // Let the client stop sending a body we refused (an upload), instead of streaming it all.
      if (request.body && !request.bodyUsed) request.body.cancel().catch(() => undefined);
      return errorResponse(error);
    }
  };
}

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** After a refused upload, how much more of the body is read (and dropped) so the client gets the answer. */
const DRAIN_BYTES = 256 * 1024 * 1024;
const DRAIN_MS = 15_000;

/**
 * A request body as chunks, read as they arrive (never buffered whole). When the reader stops
 * early (a refused upload), the rest of the body is read and dropped — up to 256 MB or 15 s — before
 * the answer goes out: a client still sending would otherwise see a reset connection instead of
 * the error that names the offending file.
 */
export async function* bodyChunks(request: Request): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) {
      const deadline = Date.now() + DRAIN_MS;
      let drained = 0;
      try {
        while (drained < DRAIN_BYTES && Date.now() < deadline) {
          const { done, value } = await reader.read();
          if (done) break;
          drained += value.byteLength;
        }
      } catch {
        // the client went away
      }
      await reader.cancel().catch(() => undefined);
    }
  }
}
