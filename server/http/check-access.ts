import type { Caller } from '@/server/auth/caller';
import type { Access, ResourceAccess } from '@/server/http/contract';
import {
  type DatasetAccess,
  datasetAccess,
  type ProjectAccess,
  projectAccess,
  type RunAccess,
  runAccess,
  type TeamAccess,
  teamAccess,
} from '@/server/permissions';

/** What a declared access hands the handler: the caller's role and the ids around the resource. */
export type AccessResult<A extends Access> = A extends { team: unknown }
  ? TeamAccess
  : A extends { project: unknown }
    ? ProjectAccess
    : A extends { dataset: unknown }
      ? DatasetAccess
      : A extends { run: unknown }
        ? RunAccess
        : undefined;

/**
 * Checks a route's declared resource access for the caller, reading the resource's id from the
 * params (`{ project: 'editor' }` reads `projectId`). `public`, `user` and custom access return
 * undefined here: the caller check is the wrapper's, a custom check the route's own.
 */
export async function checkAccess(access: Access, caller: Caller | null, params: Record<string, unknown>): Promise<unknown> {
  if (typeof access === 'string' || 'custom' in access || !caller) return undefined;
  const { userId } = caller;
  const id = (name: string) => String(params[name]);
  const resource = access as ResourceAccess;
  if ('team' in resource) return teamAccess(userId, id('teamId'), resource.team);
  if ('project' in resource) return projectAccess(userId, id('projectId'), resource.project);
  if ('dataset' in resource) return datasetAccess(userId, id('datasetId'), resource.dataset);
  return runAccess(userId, id('runId'), resource.run);
}
