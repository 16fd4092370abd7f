import { z } from 'zod';
import { type Caller, resolveCaller, SAFE_METHODS } from '@/server/auth/caller';
import { trustedOrigins } from '@/server/env';
import { type AccessResult, checkAccess } from '@/server/http/check-access';
import {
  type BodyOf,
  type CustomAccess,
  type OutputOf,
  type ParamsOf,
  type QueryOf,
  RAW,
  type RouteContract,
} from '@/server/http/contract';
import { ApiError, errorResponse, INTERNAL_MESSAGE, issuesOf, parseInput } from '@/server/http/errors';
import { stringifyAnswer } from '@/server/http/json-text';
import { drainUnread, readJson } from '@/server/http/read-body';

/** What a handler gets: the request, the caller, the parsed input, and what the access check found. */
export interface HandlerContext<C extends RouteContract> {
  request: Request;
  /** Null on `public` routes, which never look for one. */
  caller: C['access'] extends 'public' ? null : Caller;
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
  /** The caller's role and the ids around the resource, for `{ team | project | dataset | run }` access. */
  access: AccessResult<C['access']>;
}

/** A JSON route's handler returns its answer (checked against the output schema); a raw one its Response; a 204 nothing. */
export type Handler<C extends RouteContract> = (ctx: HandlerContext<C>) => Promise<OutputOf<C> extends undefined ? void : OutputOf<C>>;

/** A custom access check: runs once the input is parsed, before the handler; throws to refuse. */
export type CustomCheck<C extends RouteContract> = (ctx: Omit<HandlerContext<C>, 'access'>) => Promise<void>;

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** A Next.js route handler that remembers the contract it was built from. */
export type RouteHandler<C extends RouteContract> = ((request: Request, context: NextContext) => Promise<Response>) & {
  readonly contract: C;
};

/**
 * Builds an `app/api` route handler from its contract: finds the caller (session cookie or API
 * token) unless the route is public, refuses cross-site cookie-authenticated writes, parses params
 * and query, checks the declared access, parses the JSON body, runs the custom check where the
 * contract declares one, runs the handler, and encodes the answer with the output schema. Input
 * that does not parse is a 400; an answer that breaks its contract is a 500 (logged with the route
 * and the zod issues). Every failure follows the error contract.
 *
 * @example
 * export const PATCH = handle(routes.renameTeam, ({ caller, params, body }) => renameTeam(caller.userId, params.teamId, body.name));
 */
export function handle<const C extends RouteContract>(
  contract: C,
  handler: Handler<C>,
  ...[check]: C['access'] extends CustomAccess ? [check: CustomCheck<C>] : []
): RouteHandler<C> {
  const where = `${contract.method} ${contract.path}`;
  const run = async (request: Request, context: NextContext): Promise<Response> => {
    try {
      const caller = contract.access === 'public' ? null : await requireCaller(request);
      const params = contract.params ? parseInput(contract.params, await context.params) : {};
      const query = contract.query ? parseInput(contract.query, Object.fromEntries(new URL(request.url).searchParams)) : {};
      const access = await checkAccess(contract.access, caller, params);
      if (caller?.predictOnly) checkPredictToken(contract, caller.predictOnly, access);
      const body = contract.body && contract.body !== RAW ? parseInput(contract.body, await readJson(request)) : undefined;
      const input = { request, caller, params, query, body } as Omit<HandlerContext<C>, 'access'>;
      if (check) await check(input);
      const result = await handler({ ...input, access } as HandlerContext<C>);
      if (contract.output === RAW) return result as Response;
      return answer(contract.output, contract.status ?? 200, result);
    } catch (error) {
      await drainUnread(request);
      return errorResponse(error, where);
    }
  };
  return Object.assign(run, { contract });
}

async function requireCaller(request: Request): Promise<Caller> {
  const caller = await resolveCaller(request.headers, request.method);
  if (!caller) throw new ApiError('unauthorized', 'Sign in, or send an API token, to use this.');
  if (caller.via === 'session') checkOrigin(request);
  return caller;
}

/** The handler's result on the wire: encoded with the output schema, or a 500 when it breaks it. */
function answer(output: z.ZodType, status: number, result: unknown): Response {
  const encoded = z.safeEncode(output, result);
  if (!encoded.success) {
    throw new ApiError('internal', INTERNAL_MESSAGE, undefined, `the answer does not match its contract: ${issuesOf(encoded.error)}`);
  }
  if (status === 204) return new Response(null, { status: 204 });
  return new Response(stringifyAnswer(encoded.data), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/** A predict-scoped token reaches only routes that accept it, and only its own project's runs. */
function checkPredictToken(contract: RouteContract, scope: { projectId: string | null }, access: unknown): void {
  if (!contract.predictToken) {
    throw new ApiError('forbidden', 'This API token may only be used for predictions (POST /api/runs/:runId/predict).');
  }
  const projectId = (access as { projectId?: string } | undefined)?.projectId;
  if (scope.projectId && projectId !== scope.projectId) {
    throw new ApiError('forbidden', 'This API token is scoped to another project’s runs.');
  }
}

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
