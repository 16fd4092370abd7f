import { route } from '@/server/http/route';
import { listMyInvitations } from '@/server/teams/my-invitations';
import { MyInvitationListSchema } from '@/server/teams/schemas';

// GET /api/invitations – open invitations to the caller's email
export const GET = route({ output: MyInvitationListSchema }, async ({ caller }) => ({
  invitations: await listMyInvitations(caller.email),
}));
