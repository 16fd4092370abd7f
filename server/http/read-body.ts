import { ApiError } from '@/server/http/errors';

/** Largest JSON request body accepted (a graph of tens of thousands of nodes still fits). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** A JSON request body, refused above MAX_BODY_BYTES; an empty body reads as `{}`. */
export async function readJson(request: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readBytes(request, MAX_BODY_BYTES));
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad_request', 'The request body is not valid JSON.');
  }
}

/**
 * A whole request body, up to `limit` bytes: a larger declared length is refused before reading,
 * and a body without one (chunked) is refused as soon as it passes the limit — never held whole.
 */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(request)) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): ApiError {
  const size = limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`;
  return new ApiError('payload_too_large', `The request body is larger than ${size}.`);
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

/** A body refused before anyone read it (not signed in, no access…): read it off so the client hears why. */
export async function drainUnread(request: Request): Promise<void> {
  if (request.body && !request.body.locked) await drainRest(request.body.getReader());
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
