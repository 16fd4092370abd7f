import type { Role } from '@/prisma/generated/enums';
import { db, type Tx } from '@/server/db/client';
import { ApiError, notFound } from '@/server/http/errors';

/** Owner counts are checked under a lock on the team, so two owners stepping down at once cannot both succeed. */
async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "team" WHERE "id" = ${teamId} FOR UPDATE`;
}

const LAST_OWNER = 'A team needs at least one owner: make someone else an owner first.';

/** Owners change a member's role; the last owner cannot step down. */
export async function changeMemberRole(teamId: string, memberId: string, role: Role): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const member = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId: memberId } } });
    if (!member) throw notFound('The member');
    if (member.role === 'owner' && role !== 'owner') {
      const owners = await tx.membership.count({ where: { teamId, role: 'owner' } });
      if (owners <= 1) throw new ApiError('conflict', LAST_OWNER);
    }
    await tx.membership.update({ where: { id: member.id }, data: { role } });
  });
}

/**
 * Removes a member (owners remove anyone, members themselves: `memberRemovalAccess`). The last
 * owner cannot leave, and nobody leaves their personal team.
 */
export async function removeMember(teamId: string, memberId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const member = await tx.membership.findUnique({
      where: { teamId_userId: { teamId, userId: memberId } },
      select: { id: true, role: true, team: { select: { personal: true } } },
    });
    if (!member) throw notFound('The member');
    if (member.team.personal) throw new ApiError('forbidden', 'Nobody can leave a personal team.');
    if (member.role === 'owner') {
      const owners = await tx.membership.count({ where: { teamId, role: 'owner' } });
      if (owners <= 1) throw new ApiError('conflict', LAST_OWNER);
    }
    await tx.membership.delete({ where: { id: member.id } });
  });
}
