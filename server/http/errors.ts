import { z } from 'zod';
import { nulBytePath } from '@/server/http/nul-bytes';

/** The closed set of API error codes (contract) and the HTTP status each one maps to. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** `{ "error": { "code", "message", "details"? } }` — every API error has this shape. */
export const ErrorBodySchema = z
  .object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }).strict() })
  .strict();
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An expected failure, with words a person can act on. Thrown by server code, answered by the route wrapper. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** For the server log only (`internal` errors): what broke, which the answer never says. */
    readonly log?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} was not found, or you do not have access to it.`);
export const forbidden = (message: string) => new ApiError('forbidden', message);
export const badRequest = (message: string, details?: unknown) => new ApiError('bad_request', message, details);

/** The message of a stored record that does not parse any more (pages show it instead of crashing). */
export const UNREADABLE_MESSAGE = "This record can't be read: it was stored in a form this version does not understand.";

/** A stored record that no longer parses: an `internal` error that says so, with the issues in the log. */
export function unreadableRecord(what: string, error: z.ZodError): ApiError {
  return new ApiError('internal', UNREADABLE_MESSAGE, undefined, `${what} does not parse: ${issuesOf(error)}`);
}

/** The words of every `internal` answer: what went wrong is in the server log, never in the answer. */
export const INTERNAL_MESSAGE = 'Something went wrong on the server. The problem has been logged.';

/** What the client sent did not match the route's schema: 400 with each issue's path and message. */
export function invalidInput(error: z.ZodError): ApiError {
  return new ApiError('bad_request', 'The request is not valid.', {
    issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

/**
 * Parses what a client sent (a route's params, query or body, or input nested in it such as upload
 * options): a mismatch, or text holding a NUL character, is the client's mistake, a 400. Every other zod failure on the server — an
 * answer that breaks its contract, a stored record that no longer parses — is the server's, a 500.
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const nul = nulBytePath(value);
  if (nul) {
    throw new ApiError('bad_request', 'The request holds a NUL character (\\u0000), which text cannot hold.', {
      issues: [{ path: nul === '(root)' ? '' : nul, message: 'Remove the NUL character (\\u0000).' }],
    });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/**
 * Turns anything thrown while answering a request into the error contract. The one place where
 * zod, Prisma and database driver errors are translated; anything unexpected is logged (with `where`, the route) and
 * answered as `internal`, never with a stack trace or the details of what broke.
 */
export function toApiError(error: unknown, where = 'request'): ApiError {
  if (error instanceof ApiError) {
    if (error.code === 'internal') console.error(`[api] ${where}: ${error.log ?? error.message}`);
    return error;
  }
  if (error instanceof z.ZodError) {
    // Input was parsed with parseInput; a zod error that gets here is a value of the server's own.
    console.error(`[api] ${where}: a value did not match its schema (a stored record that no longer parses?)`, issuesOf(error));
    return new ApiError('internal', INTERNAL_MESSAGE);
  }
  const { code, message, name } = (error ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
  // A client that went away while sending its body: not the server's fault, and no log line.
  if (code === 'ECONNRESET' && message === 'aborted')
    return new ApiError('bad_request', 'The request was cut off before it arrived whole.');
  // Prisma's codes, and the SQLSTATE codes of statements run without it (server/db/sql.ts).
  const fromPrisma = typeof name === 'string' && name.startsWith('PrismaClient');
  const fromDriver = error instanceof Error && 'severity' in error;
  const known = typeof code === 'string' && (fromPrisma || fromDriver) ? DATABASE_ERRORS.get(code) : undefined;
  if (known) return new ApiError(known[0], known[1]);
  console.error(`[api] ${where}: unexpected error`, error);
  return new ApiError('internal', INTERNAL_MESSAGE);
}

const UNIQUE: [ErrorCode, string] = ['conflict', 'Something with the same unique value already exists.'];
const MISSING: [ErrorCode, string] = ['not_found', 'The record was not found.'];
const DANGLING: [ErrorCode, string] = ['bad_request', 'The request refers to something that does not exist.'];
const BUSY: [ErrorCode, string] = ['conflict', 'The database was busy with a competing change; try again.'];

/** Database errors a request may meet in normal use, by Prisma code or SQLSTATE, in words. */
const DATABASE_ERRORS = new Map<string, [ErrorCode, string]>([
  ['P2002', UNIQUE],
  ['P2025', MISSING],
  ['P2001', MISSING],
  ['P2003', DANGLING],
  ['P2028', BUSY],
  ['P2034', BUSY],
  ['23505', UNIQUE],
  ['23503', DANGLING],
  ['40001', BUSY],
  ['40P01', BUSY],
]);

/** Zod issues as `path: message` lines, for the server log. */
export function issuesOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

export function errorResponse(error: unknown, where?: string): Response {
  const e = toApiError(error, where);
  const body: ErrorBody = { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (e.code === 'unauthorized') headers['www-authenticate'] = 'Bearer realm="netcanvas"';
  return Response.json(body, { status: ERROR_STATUS[e.code], headers });
}
