import { db } from '@/server/db/client';
import { forbidden, notFound } from '@/server/http/errors';
import { atLeast, type Role } from '@/server/permissions';

/**
 * Like projectAccess, for the team that holds a dataset: not a member → 404 (existence does not
 * leak), too small a role → 403.
 */
export async function datasetAccess(
  userId: string,
  datasetId: string,
  needed: Role,
): Promise<{ datasetId: string; teamId: string; role: Role }> {
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
