import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/server/auth/auth';

// GET|POST /api/auth/* – Better Auth: sign-up, sign-in, sign-out, session (its own CSRF and rate limits)
export const GET = (request: Request) => toNextJsHandler(auth()).GET(request);
export const POST = (request: Request) => toNextJsHandler(auth()).POST(request);
