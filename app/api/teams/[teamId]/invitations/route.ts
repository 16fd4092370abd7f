import { handle } from '@/server/http/handle';
import { inviteMember } from '@/server/teams/invite-member';
import * as routes from '@/server/teams/routes';

export const POST = handle(routes.inviteMember, ({ caller, params, body }) => inviteMember(caller.userId, params.teamId, body));
