import { defineRoute, NoContent } from '@/server/http/contract';
import {
  InvitationParams,
  InvitationSchema,
  InviteInput,
  JoinedTeamSchema,
  MemberParams,
  MyInvitationListSchema,
  MyInvitationParams,
  RoleInput,
  TeamDetailSchema,
  TeamListSchema,
  TeamNameInput,
  TeamParams,
  TeamSummarySchema,
} from '@/server/teams/schemas';

/** GET /api/teams – the caller's teams with their role in each. */
export const listTeams = defineRoute({ method: 'GET', path: '/api/teams', output: TeamListSchema, access: 'user' });

/** POST /api/teams – create a shared team; the caller becomes its owner. */
export const createTeam = defineRoute({
  method: 'POST',
  path: '/api/teams',
  body: TeamNameInput,
  output: TeamSummarySchema,
  status: 201,
  access: 'user',
});

/** GET /api/teams/:teamId – a team with its members and open invitations. */
export const getTeam = defineRoute({
  method: 'GET',
  path: '/api/teams/:teamId',
  params: TeamParams,
  output: TeamDetailSchema,
  access: { team: 'viewer' },
});

/** PATCH /api/teams/:teamId – rename. */
export const renameTeam = defineRoute({
  method: 'PATCH',
  path: '/api/teams/:teamId',
  params: TeamParams,
  body: TeamNameInput,
  output: TeamSummarySchema,
  access: { team: 'owner' },
});

/** DELETE /api/teams/:teamId – delete a shared team and everything in it. */
export const deleteTeam = defineRoute({
  method: 'DELETE',
  path: '/api/teams/:teamId',
  params: TeamParams,
  output: NoContent,
  status: 204,
  access: { team: 'owner' },
});

/** PATCH /api/teams/:teamId/members/:userId – change a member's role (the last owner stays). */
export const changeMemberRole = defineRoute({
  method: 'PATCH',
  path: '/api/teams/:teamId/members/:userId',
  params: MemberParams,
  body: RoleInput,
  output: NoContent,
  status: 204,
  access: { team: 'owner' },
});

/** DELETE /api/teams/:teamId/members/:userId – remove a member, or leave. */
export const removeMember = defineRoute({
  method: 'DELETE',
  path: '/api/teams/:teamId/members/:userId',
  params: MemberParams,
  output: NoContent,
  status: 204,
  access: { custom: 'owners remove anyone; any member may remove themselves' },
});

/** POST /api/teams/:teamId/invitations – invite an email address with a role. */
export const inviteMember = defineRoute({
  method: 'POST',
  path: '/api/teams/:teamId/invitations',
  params: TeamParams,
  body: InviteInput,
  output: InvitationSchema,
  status: 201,
  access: { team: 'owner' },
});

/** DELETE /api/teams/:teamId/invitations/:invitationId – withdraw an invitation. */
export const revokeInvitation = defineRoute({
  method: 'DELETE',
  path: '/api/teams/:teamId/invitations/:invitationId',
  params: InvitationParams,
  output: NoContent,
  status: 204,
  access: { team: 'owner' },
});

/** GET /api/invitations – open invitations to the caller's email. */
export const listMyInvitations = defineRoute({ method: 'GET', path: '/api/invitations', output: MyInvitationListSchema, access: 'user' });

/** DELETE /api/invitations/:invitationId – decline an invitation addressed to the caller. */
export const declineInvitation = defineRoute({
  method: 'DELETE',
  path: '/api/invitations/:invitationId',
  params: MyInvitationParams,
  output: NoContent,
  status: 204,
  access: 'user',
});

/** POST /api/invitations/:invitationId/accept – join the team the invitation is for. */
export const acceptInvitation = defineRoute({
  method: 'POST',
  path: '/api/invitations/:invitationId/accept',
  params: MyInvitationParams,
  output: JoinedTeamSchema,
  access: 'user',
});
