/**
 * The Content-Security-Policy of every page, as Next.js recommends for the App Router: a fresh
 * nonce per request (proxy.ts makes it; Next puts it on its own scripts), and `'strict-dynamic'` so
 * the scripts those load run too — no other script, inline or from elsewhere, does. Beside that,
 * what the app needs:
 * - `'wasm-unsafe-eval'`: TF.js's wasm backend compiles WebAssembly;
 * - `worker-src 'self' blob:`: training and layout run in workers;
 * - `blob:` and `data:` images: dataset samples and drawn previews;
 * - inline styles: React `style` attributes (the canvas positions every node with one), which
 *   nonces cannot cover;
 * - `frame-ancestors 'none'`: no other site may frame a page (clickjacking).
 * The webcam needs nothing here (a `srcObject` stream is not a URL); Permissions-Policy allows it
 * for this origin only (next.config.js).
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // React's development build evaluates code for its error overlay and fast refresh.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'wasm-unsafe-eval'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
