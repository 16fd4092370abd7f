import { db } from '@/server/db/client';
import { hashShareToken, newShareToken } from '@/server/share-links/share-token';
import type { Row, World } from './world';

/**
 * Share links of the live rooms. Each world gets an active link, a revoked one and an expired one:
 * only the active one opens anything, for anyone; managing links takes an editor.
 */
export async function prepare(world: World): Promise<Record<string, string>> {
  const make = async (data: { expiresAt: Date; revokedAt?: Date }) => {
    const token = newShareToken();
    const link = await db().shareLink.create({
      data: { projectId: world.projectId, createdById: world.users.owner.id, tokenHash: hashShareToken(token), ...data },
    });
    return { token, id: link.id };
  };
  const inAnHour = new Date(Date.now() + 3_600_000);
  const active = await make({ expiresAt: inAnHour });
  const revoked = await make({ expiresAt: inAnHour, revokedAt: new Date() });
  const expired = await make({ expiresAt: new Date(Date.now() - 1000) });
  return { shareToken: active.token, shareLinkId: active.id, revokedShareToken: revoked.token, expiredShareToken: expired.token };
}

export const rows: Row[] = [
  {
    file: 'projects/[projectId]/share-links',
    method: 'GET',
    path: (w) => `/api/projects/${w.projectId}/share-links`,
    expect: [401, 404, 403, 200, 200],
  },
  {
    file: 'projects/[projectId]/share-links',
    method: 'POST',
    path: (w) => `/api/projects/${w.projectId}/share-links`,
    body: () => ({ label: 'class', expiresInHours: 2 }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/share-links/[linkId]',
    method: 'DELETE',
    path: (w) => `/api/projects/${w.projectId}/share-links/${w.extra.shareLinkId}`,
    expect: [401, 404, 403, 204, 204],
  },
  {
    file: 'share/[token]',
    method: 'GET',
    path: (w) => `/api/share/${w.extra.shareToken}`,
    expect: [200, 200, 200, 200, 200],
  },
  {
    file: 'share/[token]',
    method: 'GET',
    path: (w) => `/api/share/${w.extra.revokedShareToken}`,
    expect: [404, 404, 404, 404, 404],
  },
  {
    file: 'share/[token]',
    method: 'GET',
    path: (w) => `/api/share/${w.extra.expiredShareToken}`,
    expect: [404, 404, 404, 404, 404],
  },
];
