import type { z } from 'zod';
import { type Caller, resolveCaller } from '@/server/auth/caller';
import { ApiError, errorResponse } from '@/server/http/errors';
import { checkOrigin } from '@/server/http/route';

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
      if (caller.via === 'session') checkOrigin(request);
      const params = spec.params ? spec.params.parse(await context.params) : ({} as P);
      const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : ({} as Q);
      return await handler({ request, caller, params, query });
    } catch (error) {
      // A body refused before it was read (not signed in, no access…): read it off so the client hears why.
      if (request.body && !request.body.locked) await drainRest(request.body.getReader());
      return errorResponse(error);
    }
  };
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
    if (!finished) await drainRest(reader);
  }
}

/** Reads and drops what is left of a body (bounded in bytes and time), then lets it go. */
async function drainRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
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
