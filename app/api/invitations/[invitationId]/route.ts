import { handle } from '@/server/http/handle';
import { declineInvitation } from '@/server/teams/my-invitations';
import * as routes from '@/server/teams/routes';

export const DELETE = handle(routes.declineInvitation, ({ caller, params }) => declineInvitation(caller.email, params.invitationId));
