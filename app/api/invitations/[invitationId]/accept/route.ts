import { handle } from '@/server/http/handle';
import { acceptInvitation } from '@/server/teams/my-invitations';
import * as routes from '@/server/teams/routes';

export const POST = handle(routes.acceptInvitation, ({ caller, params }) => acceptInvitation(caller, params.invitationId));
