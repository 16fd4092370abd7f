import type { z } from 'zod';
import { db } from '@/server/db/client';
import type { CreateShareLinkInput } from './schemas';
import { shareLinkView } from './share-link-view';
import { hashShareToken, newShareToken, sharePath } from './share-token';

/** Makes a read-only share link for a project; the token is in the answer and nowhere else. */
export async function createShareLink(userId: string, projectId: string, input: z.output<typeof CreateShareLinkInput>) {
  const token = newShareToken();
  const row = await db().shareLink.create({
    data: {
      projectId,
      createdById: userId,
      tokenHash: hashShareToken(token),
      label: input.label,
      expiresAt: new Date(Date.now() + input.expiresInHours * 3_600_000),
    },
  });
  return { ...shareLinkView(row), token, path: sharePath(token) };
}
