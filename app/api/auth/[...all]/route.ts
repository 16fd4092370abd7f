import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/server/auth/auth';
import { readAuthRequest } from '@/server/auth/auth-request';
import * as routes from '@/server/auth/routes';
import { guardSignIn } from '@/server/auth/sign-in-throttle';
import { checkOrigin, handle } from '@/server/http/handle';

export const GET = handle(routes.authGet, ({ request }) => toNextJsHandler(auth()).GET(request));

// Every auth form comes from our own pages (Better Auth checks only some of them): a foreign
// Origin is refused before the body is read.
export const POST = handle(routes.authPost, async ({ request }) => {
  checkOrigin(request);
  const { request: normalized, fields } = await readAuthRequest(request);
  return (await guardSignIn(normalized, fields)) ?? toNextJsHandler(auth()).POST(normalized);
});
