import { notFound } from 'next/navigation';
import { SharedRoom } from '@/components/live/SharedRoom';
import { db } from '@/server/db/client';
import { findActiveShareLink } from '@/server/share-links/find-share-link';
import { getVersion } from '@/server/versions/get-version';

export const metadata = { title: 'Live · NetCanvas', referrer: 'no-referrer' };

/**
 * A read-only share link: the project's live room, followed without an account. A revoked,
 * expired or unknown link shows the not-found page, the same for all three.
 */
export default async function SharedRoomPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findActiveShareLink(token);
  if (!link) notFound();
  const project = await db().project.findUnique({ where: { id: link.projectId }, select: { headNumber: true } });
  const head = project?.headNumber ? await getVersion(link.projectId, project.headNumber) : null;
  return <SharedRoom projectId={link.projectId} projectName={link.projectName} token={token} initial={head?.graph ?? null} />;
}
