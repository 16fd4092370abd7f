import { handle } from '@/server/http/handle';
import { revokeInvitation } from '@/server/teams/revoke-invitation';
import * as routes from '@/server/teams/routes';

export const DELETE = handle(routes.revokeInvitation, ({ params }) => revokeInvitation(params.teamId, params.invitationId));
