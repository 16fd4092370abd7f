import { defineConfig } from 'prisma/config';

/** Prisma CLI settings. Migrations are applied by `npm run db:migrate` (scripts/migrate.ts), on both databases. */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/netcanvas' },
});
