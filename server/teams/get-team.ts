import { db } from '@/server/db/client';
import { teamSummary } from '@/server/teams/list-teams';
import type { TeamDetail } from '@/server/teams/schemas';

/** A team with its members and open invitations (callers must be members). */
export async function getTeam(userId: string, teamId: string): Promise<TeamDetail> {
  const [team, members, invitations] = await Promise.all([
    teamSummary(userId, teamId),
    db().membership.findMany({
      where: { teamId },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    db().invitation.findMany({
      where: { teamId },
      select: { id: true, email: true, role: true, createdAt: true, invitedBy: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  return {
    team,
    members: members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, joinedAt: m.createdAt })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      createdAt: i.createdAt,
      invitedBy: i.invitedBy?.name ?? null,
    })),
  };
}
