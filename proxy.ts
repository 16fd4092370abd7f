import { type NextRequest, NextResponse } from 'next/server';
import { contentSecurityPolicy } from '@/server/http/content-security-policy';

/**
 * Gives every page its Content-Security-Policy with a fresh nonce. Next reads the policy from the
 * request headers and puts the nonce on the scripts it writes into the page; the browser gets the
 * same policy on the answer. API routes and static files are left out: they run no scripts.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|vendor|icon.svg|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
