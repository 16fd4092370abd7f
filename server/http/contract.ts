import { z } from 'zod';

/**
 * Route contracts: each API route declared once, as data — method, path, the schemas of its params,
 * query, body and answer, and the access it requires. The route handler in `app/api` is built from
 * the contract (`server/http/handle.ts`), and the browser calls it through the same contract
 * (`components/ui/api.ts`), which decodes the answer with the same output schema. Contract files
 * hold zod schemas and types only, so pages can import them.
 */

/** A member's role in a team, weakest first. */
export type Role = 'viewer' | 'editor' | 'owner';

/** Access to one resource named by the route's params, with the least role it needs. */
export type ResourceAccess = { team: Role } | { project: Role } | { dataset: Role } | { run: Role };
/** A check the declarations cannot express (two resources, or who the caller is); `custom` says it in words. */
export type CustomAccess = { custom: string };
/**
 * Who may call a route: anyone (`public`), any signed-in caller (`user`, for routes scoped to the
 * caller's own records), a member with at least a role in the team that holds a resource, or a
 * custom check the route supplies.
 */
export type Access = 'public' | 'user' | ResourceAccess | CustomAccess;

/** The param each kind of resource access reads its id from. */
export const RESOURCE_PARAM = { team: 'teamId', project: 'projectId', dataset: 'datasetId', run: 'runId' } as const;
export type ResourceKind = keyof typeof RESOURCE_PARAM;

/** The accesses a route with these params can declare: `{ project: … }` needs a `projectId` param, and so on. */
export type AccessFor<P> =
  | 'public'
  | 'user'
  | CustomAccess
  | ('teamId' extends keyof P ? { team: Role } : never)
  | ('projectId' extends keyof P ? { project: Role } : never)
  | ('datasetId' extends keyof P ? { dataset: Role } : never)
  | ('runId' extends keyof P ? { run: Role } : never);

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

/**
 * `raw` as a body: the handler reads the request body itself (a streamed upload). As an output: the
 * handler answers with its own Response (bytes, a PNG, Server-Sent Events).
 */
export const RAW = 'raw';
export type Raw = typeof RAW;

export interface RouteContract {
  method: Method;
  /** `/api/…` with `:name` for a param and `*name` for the rest of the path. */
  path: `/api/${string}`;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType | Raw;
  output: z.ZodType | Raw;
  /** Status of a successful JSON answer (default 200). */
  status?: 200 | 201 | 204;
  access: Access;
  /** Tokens scoped to predictions may call this route (for runs of their project); every other route refuses them. */
  predictToken?: true;
}

/** A route that takes and answers JSON: what the typed client calls. */
export type JsonContract = RouteContract & { body?: z.ZodType; output: z.ZodType };

type Out<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
export type ParamsOf<C extends RouteContract> = Out<C['params']>;
export type QueryOf<C extends RouteContract> = Out<C['query']>;
export type BodyOf<C extends RouteContract> = C['body'] extends z.ZodType ? z.output<C['body']> : undefined;
export type OutputOf<C extends RouteContract> = C['output'] extends z.ZodType ? z.output<C['output']> : Response;

/**
 * Declares a route. The access is checked against the params at compile time: `{ run: 'editor' }`
 * only where the path has a `runId`.
 *
 * @example
 * export const getRun = defineRoute({
 *   method: 'GET', path: '/api/runs/:runId', params: RunParamsSchema, output: RunDetailSchema, access: { run: 'viewer' },
 * });
 */
export function defineRoute<const C extends RouteContract>(contract: C & { access: AccessFor<ParamsOf<C>> }): C {
  return contract;
}

/** The answer of a 204: no body. */
export const NoContent = z.undefined();

/**
 * A point in time: a `Date` in server code and in the browser, an ISO 8601 string on the wire.
 * The server encodes answers with their output schema and the client decodes them with it.
 */
export const Timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** The names of a path's `:params`, in order. */
export function pathParams(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
}
