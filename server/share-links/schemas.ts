import { z } from 'zod';
import { Timestamp } from '@/server/http/contract';
import { ProjectParams } from '@/server/projects/schemas';

export const ShareLinkParams = ProjectParams.extend({ linkId: z.string().min(1).max(100) });
/** A share token as it appears in a link: `ncs_` and 43 base64url characters. */
export const ShareTokenParams = z.object({ token: z.string().min(1).max(200) });

/** The longest a link may stay valid: 30 days. */
export const MAX_SHARE_HOURS = 24 * 30;

export const CreateShareLinkInput = z
  .object({
    /** Who the link is for ("Monday's class"), to tell links apart. */
    label: z.string().trim().max(100).default(''),
    expiresInHours: z
      .number()
      .int('Give the expiry as a whole number of hours.')
      .min(1, 'A link must stay valid for at least an hour.')
      .max(MAX_SHARE_HOURS, `A link may stay valid for at most ${MAX_SHARE_HOURS} hours (30 days).`)
      .default(24),
  })
  .strict();

export const ShareLinkSchema = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  /** Whether the link still lets people in (not revoked, not expired). */
  active: z.boolean(),
});
export const ShareLinkListSchema = z.object({ links: z.array(ShareLinkSchema) });
/** Returned once, when the link is made: the token is not kept and never shown again. */
export const NewShareLinkSchema = ShareLinkSchema.extend({ token: z.string(), path: z.string() });

/** What a valid link shows someone without an account. */
export const SharedProjectSchema = z.object({ projectId: z.string(), projectName: z.string(), expiresAt: Timestamp });

export type ShareLink = z.infer<typeof ShareLinkSchema>;
export type SharedProject = z.infer<typeof SharedProjectSchema>;
