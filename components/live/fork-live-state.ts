import { call } from '@/components/ui/api';
import type { GraphDoc } from '@/engine/graph/schema';
import * as projectRoutes from '@/server/projects/routes';
import * as teamRoutes from '@/server/teams/routes';
import * as versionRoutes from '@/server/versions/routes';

/**
 * Copies a project, as the live room shows it now, into a project of the caller's own: the fork
 * (with its history) goes to a team they can edit, their personal one first, and the room's current
 * design is saved on top of it. Resolves to the new project's id, or the reason it could not be made.
 */
export async function forkLiveState(
  projectId: string,
  name: string,
  doc: GraphDoc,
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const teams = await call(teamRoutes.listTeams, {});
  if (!teams.ok) return { ok: false, message: teams.message };
  const editable = teams.data.teams.filter((t) => t.role !== 'viewer').sort((a, b) => Number(b.personal) - Number(a.personal));
  const team = editable[0];
  if (!team) return { ok: false, message: 'You have no team you can edit to keep a copy in; make one on the Teams page.' };
  const fork = await call(projectRoutes.duplicateProject, {
    params: { projectId },
    body: { teamId: team.id, name: `${name} (live copy)` },
  });
  if (!fork.ok) return { ok: false, message: fork.message };
  const saved = await call(versionRoutes.saveVersion, {
    params: { projectId: fork.data.id },
    body: { parent: fork.data.headNumber, message: 'The design as the live room showed it', graph: doc },
  });
  // The same content as the newest version is no new version; the fork is still there.
  if (!saved.ok && saved.code !== 'conflict' && saved.code !== 'bad_request') return { ok: false, message: saved.message };
  return { ok: true, id: fork.data.id };
}
