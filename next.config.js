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
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
