import { db } from '@/server/db/client';
import type { TeamSummary } from '@/server/teams/schemas';

/** The teams the user belongs to, personal team first. */
export async function listTeams(userId: string): Promise<TeamSummary[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    select: {
      role: true,
      team: { select: { id: true, name: true, personal: true, _count: { select: { memberships: true, projects: true } } } },
    },
    orderBy: [{ team: { personal: 'desc' } }, { team: { name: 'asc' } }],
  });
  return memberships.map(({ role, team }) => ({
    id: team.id,
    name: team.name,
    personal: team.personal,
    role,
    memberCount: team._count.memberships,
    projectCount: team._count.projects,
  }));
}

export async function teamSummary(userId: string, teamId: string): Promise<TeamSummary> {
  const teams = await listTeams(userId);
  const team = teams.find((t) => t.id === teamId);
  if (!team) throw new Error(`team ${teamId} vanished`);
  return team;
}
