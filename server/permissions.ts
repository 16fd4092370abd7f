import type { Role } from '@/prisma/generated/enums';
import { db } from '@/server/db/client';
import { sql } from '@/server/db/sql';
import { forbidden, notFound } from '@/server/http/errors';

export type { Role };

/**
 * Every role check of the server. Routes declare the access they need in their contract and the
 * route wrapper calls these; pages call them before they call an operation. Operations themselves
 * check nothing. Not a member: 404, so a resource's existence does not leak. Too small a role: 403.
 */

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

export interface TeamAccess {
  teamId: string;
  role: Role;
}
export interface ProjectAccess extends TeamAccess {
  projectId: string;
}
export interface DatasetAccess extends TeamAccess {
  datasetId: string;
}
export interface RunAccess {
  runId: string;
  projectId: string;
  role: Role;
}

/** The caller's role in a team, checked against the role needed. */
export async function teamAccess(userId: string, teamId: string, needed: Role): Promise<TeamAccess> {
  const membership = await db().membership.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  if (!membership) throw notFound('The team');
  if (!atLeast(membership.role, needed)) throw forbidden(`Your role in this team (${membership.role}) does not let you ${ACTION[needed]}.`);
  return { teamId, role: membership.role };
}

/** Like teamAccess, for the team that holds a project. */
export async function projectAccess(userId: string, projectId: string, needed: Role): Promise<ProjectAccess> {
  // On every project request's path: one statement (server/db/sql.ts).
  const [project] = await sql<{ teamId: string; role: Role | null }>(
    `SELECT p."teamId", m."role" FROM "project" p
       LEFT JOIN "membership" m ON m."teamId" = p."teamId" AND m."userId" = $2 WHERE p."id" = $1`,
    [projectId, userId],
  );
  const role = project?.role;
  if (!project || !role) throw notFound('The project');
  if (!atLeast(role, needed)) throw forbidden(`Your role in this project's team (${role}) does not let you ${ACTION[needed]}.`);
  return { projectId, teamId: project.teamId, role };
}

/** Like teamAccess, for the team that holds a dataset. */
export async function datasetAccess(userId: string, datasetId: string, needed: Role): Promise<DatasetAccess> {
  const dataset = await db().dataset.findUnique({
    where: { id: datasetId },
    select: { teamId: true, team: { select: { memberships: { where: { userId }, select: { role: true } } } } },
  });
  const role = dataset?.team.memberships[0]?.role;
  if (!dataset || !role) throw notFound('The dataset');
  if (!atLeast(role, needed))
    throw forbidden(`Your role in this dataset's team (${role}) does not let you ${needed === 'viewer' ? 'view it' : 'change it'}.`);
  return { datasetId, teamId: dataset.teamId, role };
}

/**
 * The caller's access to a run, through the project that holds it: a run of a project you cannot
 * see is "not found", one you may only view refuses changes (403).
 */
export async function runAccess(userId: string, runId: string, needed: Role): Promise<RunAccess> {
  const run = await db().trainingRun.findUnique({ where: { id: runId }, select: { projectId: true } });
  if (!run) throw notFound('The run');
  try {
    const access = await projectAccess(userId, run.projectId, needed);
    return { runId, projectId: run.projectId, role: access.role };
  } catch (error) {
    // Hide the project behind the run: "the run was not found", not "the project".
    if ((error as { code?: string }).code === 'not_found') throw notFound('The run');
    throw error;
  }
}

/**
 * Changing a project needs an editor. Moving it to another team takes it away from everyone in its
 * team, so that needs an owner of the team it leaves, and an editor of the team it goes to.
 */
export async function projectChangeAccess(userId: string, projectId: string, targetTeamId: string | undefined): Promise<void> {
  const source = await projectAccess(userId, projectId, 'editor');
  if (!targetTeamId || targetTeamId === source.teamId) return;
  if (!atLeast(source.role, 'owner')) {
    throw forbidden(`Your role in this project's team (${source.role}) does not let you move it to another team; only team owners can.`);
  }
  await teamAccess(userId, targetTeamId, 'editor');
}

/**
 * A fork needs a viewer of the project and an editor of the team it goes to (by default the
 * project's own). So a viewer may copy a project, with its history, into their own team: on
 * purpose — they can already read every version, and the copy takes nothing from the original.
 */
export async function forkAccess(userId: string, projectId: string, targetTeamId: string | undefined): Promise<void> {
  const source = await projectAccess(userId, projectId, 'viewer');
  await teamAccess(userId, targetTeamId ?? source.teamId, 'editor');
}

/** Owners may remove any member; any member may remove themselves (leave). */
export async function memberRemovalAccess(userId: string, teamId: string, memberId: string): Promise<void> {
  await teamAccess(userId, teamId, userId === memberId ? 'viewer' : 'owner');
}
