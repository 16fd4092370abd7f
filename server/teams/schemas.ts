import { z } from 'zod';
import { Timestamp } from '@/server/http/contract';

export const RoleSchema = z.enum(['owner', 'editor', 'viewer']);
const Id = z.string().min(1).max(100);

export const TeamParams = z.object({ teamId: Id });
export const MemberParams = z.object({ teamId: Id, userId: Id });
export const InvitationParams = z.object({ teamId: Id, invitationId: Id });
export const MyInvitationParams = z.object({ invitationId: Id });

export const TeamNameInput = z.object({ name: z.string().trim().min(1, 'Give the team a name.').max(100) }).strict();
export const InviteInput = z
  .object({ email: z.email('Enter an email address.').trim().toLowerCase().max(254), role: RoleSchema.default('editor') })
  .strict();
export const RoleInput = z.object({ role: RoleSchema }).strict();

export const TeamSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean(),
  role: RoleSchema,
  memberCount: z.number().int(),
  projectCount: z.number().int(),
});
export type TeamSummary = z.infer<typeof TeamSummarySchema>;

export const TeamListSchema = z.object({ teams: z.array(TeamSummarySchema) });

export const MemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  joinedAt: Timestamp,
});

export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  createdAt: Timestamp,
  invitedBy: z.string().nullable(),
});

export const TeamDetailSchema = z.object({
  team: TeamSummarySchema,
  members: z.array(MemberSchema),
  invitations: z.array(InvitationSchema),
});
export type TeamDetail = z.infer<typeof TeamDetailSchema>;

export const MyInvitationSchema = z.object({
  id: z.string(),
  team: z.object({ id: z.string(), name: z.string() }),
  role: RoleSchema,
  invitedBy: z.string().nullable(),
  createdAt: Timestamp,
});
export const MyInvitationListSchema = z.object({ invitations: z.array(MyInvitationSchema) });

/** An accepted invitation: the team the caller joined. */
export const JoinedTeamSchema = z.object({ teamId: z.string() });
