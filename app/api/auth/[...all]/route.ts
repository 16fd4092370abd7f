import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/server/auth/auth';
import { guardSignIn } from '@/server/auth/sign-in-throttle';

// GET /api/auth/* – Better Auth: session
export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);

// POST /api/auth/* – Better Auth: sign-up, sign-in, sign-out (its own CSRF checks and rate limits, plus a per-account sign-in limit)
export const POST = async (request: Request) => (await guardSignIn(request)) ?? toNextJsHandler(auth()).POST(request);
