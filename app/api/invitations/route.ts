import { handle } from '@/server/http/handle';
import { listMyInvitations } from '@/server/teams/my-invitations';
import * as routes from '@/server/teams/routes';

export const GET = handle(routes.listMyInvitations, async ({ caller }) => ({ invitations: await listMyInvitations(caller.email) }));
