import { db } from '@/server/db/client';
import { teamSummary } from '@/server/teams/list-teams';
import type { TeamSummary } from '@/server/teams/schemas';

export async function renameTeam(userId: string, teamId: string, name: string): Promise<TeamSummary> {
  await db().team.update({ where: { id: teamId }, data: { name } });
  return teamSummary(userId, teamId);
}
