import { z } from 'zod';
import type { JsonContract, RouteContract } from '@/server/http/contract';

/** Result of a call to the NetCanvas API from the browser: the data, or the error contract's fields. */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; code: string; message: string; details?: unknown };

/** The names of a path's `:params`. */
type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** What a call to a route takes: the path's params, the query (each field optional) and the JSON body. */
export type CallInput<C extends RouteContract> = ([PathParamNames<C['path']>] extends [never]
  ? { params?: never }
  : { params: Record<PathParamNames<C['path']>, string | number> }) &
  (C['query'] extends z.ZodType
    ? { query?: { [K in keyof z.output<C['query']>]?: z.output<C['query']>[K] | undefined } }
    : { query?: never }) &
  (C['body'] extends z.ZodType ? { body: z.input<C['body']> } : { body?: never });

/** The JSON body a route takes, as the browser sends it (before defaults are applied). */
export type CallBody<C extends RouteContract> = C['body'] extends z.ZodType ? z.input<C['body']> : never;

type InputArgs<C extends RouteContract> = Record<string, never> extends CallInput<C> ? [input?: CallInput<C>] : [input: CallInput<C>];

/**
 * The URL of a route, built from its contract's path, params and query. For the routes whose
 * answers are bytes or streams (batches, images, weights, events) and the links to them.
 *
 * @example
 * new EventSource(urlOf(runRoutes.runEvents, { params: { runId } }));
 */
export function urlOf<C extends RouteContract>(contract: C, ...[input]: InputArgs<C>): string {
  const params = (input?.params ?? {}) as Record<string, string | number>;
  const path = contract.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${contract.method} ${contract.path} needs the param "${name}".`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries((input?.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Calls a JSON route with the session cookie and decodes the answer with the route's own output
 * schema (dates arrive as Date). Never throws: a network failure, an error answer and an answer
 * that does not match the contract all come back as `ok: false` with words to show.
 *
 * @example
 * const result = await call(projectRoutes.updateProject, { params: { projectId }, body: { name } });
 * if (!result.ok) setError(result.message);
 */
export async function call<C extends JsonContract>(contract: C, ...[input]: InputArgs<C>): Promise<ApiResult<z.output<C['output']>>> {
  const body = (input as { body?: unknown } | undefined)?.body;
  let response: Response;
  try {
    response = await fetch(urlOf(contract, ...([input] as InputArgs<C>)), {
      method: contract.method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'Could not reach the server. Check your connection and try again.' };
  }
  return decodeAnswer(contract, response.status, await response.text());
}

/**
 * An answer's status and text as an ApiResult: a success decoded with the contract's output schema,
 * an error read as the error contract. Shared by `call` and the readers that send their own
 * requests (uploads with progress).
 */
export function decodeAnswer<C extends RouteContract & { output: z.ZodType }>(
  contract: C,
  status: number,
  text: string,
): ApiResult<z.output<C['output']>> {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = null;
  }
  if (status < 200 || status >= 300) {
    const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    return {
      ok: false,
      status,
      code: typeof error?.code === 'string' ? error.code : 'internal',
      message: typeof error?.message === 'string' ? error.message : `The server answered ${status}.`,
      details: error?.details,
    };
  }
  const decoded = z.safeDecode(contract.output, json);
  if (decoded.success) return { ok: true, status, data: decoded.data as z.output<C['output']> };
  const first = decoded.error.issues[0];
  const where = first && first.path.length > 0 ? ` (at ${first.path.join('.')}: ${first.message})` : first ? ` (${first.message})` : '';
  console.error(`${contract.method} ${contract.path}: the answer does not match its contract`, decoded.error.issues);
  return {
    ok: false,
    status,
    code: 'invalid_answer',
    message: `The server's answer was not in the form this page expects${where}. Reload the page; if this stays, the page and the server are out of step.`,
  };
}
