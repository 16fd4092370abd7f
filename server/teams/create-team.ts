import { db } from '@/server/db/client';
import { teamSummary } from '@/server/teams/list-teams';
import type { TeamSummary } from '@/server/teams/schemas';

/** A new shared team with the creator as its owner. */
export async function createTeam(userId: string, name: string): Promise<TeamSummary> {
  const team = await db().team.create({ data: { name, memberships: { create: { userId, role: 'owner' } } } });
  return teamSummary(userId, team.id);
}
