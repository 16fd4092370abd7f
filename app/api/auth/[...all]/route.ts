import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/server/auth/auth';
import * as routes from '@/server/auth/routes';
import { guardSignIn } from '@/server/auth/sign-in-throttle';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.authGet, ({ request }) => toNextJsHandler(auth()).GET(request));

export const POST = handle(routes.authPost, async ({ request }) => (await guardSignIn(request)) ?? toNextJsHandler(auth()).POST(request));
