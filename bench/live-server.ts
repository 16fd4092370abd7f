/**
 * The server half of `npm run bench:live`, in a process of its own so its memory is its own: a
 * database (DATABASE_URL, or a fresh embedded one, whose PGlite then shares this process and its
 * memory figures), one project with an owner's API token and a
 * share link, and the live rooms on a local port. Prints one JSON line with what the clients need,
 * then a memory sample every second (`{"rss":…,"heap":…}`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashToken, newToken } from '@/server/auth/api-token';
import { db, useDatabase as pointAtDatabase } from '@/server/db/client';
import { applyMigrations } from '@/server/db/migrate';
import { startPgliteHost } from '@/server/db/pglite-host';
import { createCollabServer } from '@/server/live/collab-server';
import { hashShareToken, newShareToken } from '@/server/share-links/share-token';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? (await startPgliteHost()).url;
  await applyMigrations(url);
  await pointAtDatabase(url);
  const user = await db().user.create({
    data: { id: `bench-${Date.now()}`, name: 'Presenter', email: `presenter${Date.now()}@example.com` },
  });
  const team = await db().team.create({ data: { name: 'Bench', memberships: { create: { userId: user.id, role: 'owner' } } } });
  const project = await db().project.create({ data: { teamId: team.id, name: 'Live bench' } });
  const token = newToken();
  await db().apiToken.create({ data: { userId: user.id, name: 'bench', tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
  const shareToken = newShareToken();
  await db().shareLink.create({
    data: {
      projectId: project.id,
      createdById: user.id,
      tokenHash: hashShareToken(shareToken),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const collab = createCollabServer();
  const server = createServer((_req, res) => res.end());
  server.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  console.log(JSON.stringify({ url: `ws://127.0.0.1:${port}/api/collab`, projectId: project.id, token, shareToken }));
  setInterval(() => {
    const m = process.memoryUsage();
    console.log(JSON.stringify({ rss: m.rss, heap: m.heapUsed }));
  }, 1000);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
