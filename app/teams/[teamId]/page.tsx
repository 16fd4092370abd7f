import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TeamManager } from '@/components/teams/TeamManager';
import { requireUser } from '@/server/auth/current-user';
import { ApiError } from '@/server/http/errors';
import { teamAccess } from '@/server/permissions';
import { getTeam } from '@/server/teams/get-team';

export const metadata = { title: 'Team · NetCanvas' };

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser(`/teams/${teamId}`);
  try {
    await teamAccess(user.id, teamId, 'viewer');
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const detail = await getTeam(user.id, teamId);
  return (
    <>
      <p className="small">
        <Link href="/projects">← Projects</Link>
      </p>
      <TeamManager
        me={user.id}
        team={detail.team}
        members={detail.members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
        invitations={detail.invitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() }))}
      />
    </>
  );
}
