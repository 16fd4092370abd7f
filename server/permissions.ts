import type { Role } from '@/prisma/generated/enums';
import { db } from '@/server/db/client';
import { forbidden, notFound } from '@/server/http/errors';

export type { Role };

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** True when `role` grants at least what `needed` does (owner > editor > viewer). */
export function atLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

const ACTION: Record<Role, string> = {
  viewer: 'view it',
  editor: 'change it; ask an owner to make you an editor',
  owner: 'do this; only team owners can',
};

/**
 * The caller's role in a team, checked against the role needed. Not a member: 404, so a team's
 * existence does not leak. A member with too small a role: 403.
 */
export async function teamAccess(userId: string, teamId: string, needed: Role): Promise<{ teamId: string; role: Role }> {
  const membership = await db().membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  if (!membership) throw notFound('The team');
  if (!atLeast(membership.role, needed)) throw forbidden(`Your role in this team (${membership.role}) does not let you ${ACTION[needed]}.`);
  return { teamId, role: membership.role };
}

/** Like teamAccess, for the team that holds a project. */
export async function projectAccess(
  userId: string,
  projectId: string,
  needed: Role,
): Promise<{ projectId: string; teamId: string; role: Role }> {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { teamId: true, team: { select: { memberships: { where: { userId }, select: { role: true } } } } },
  });
  const role = project?.team.memberships[0]?.role;
  if (!project || !role) throw notFound('The project');
  if (!atLeast(role, needed)) throw forbidden(`Your role in this project's team (${role}) does not let you ${ACTION[needed]}.`);
  return { projectId, teamId: project.teamId, role };
}
