import { z } from 'zod';
import { Timestamp } from '@/server/http/contract';

export const TokenParams = z.object({ tokenId: z.string().min(1).max(100) });
/** `all` acts as its user everywhere; `predict` only calls `POST /api/runs/:runId/predict` for one project's runs. */
export const TokenScopeSchema = z.enum(['all', 'predict']);
export const CreateTokenInput = z
  .object({
    name: z.string().trim().min(1, 'Give the token a name.').max(100),
    scope: TokenScopeSchema.default('all'),
    /** The project a `predict` token serves (required for it, refused for `all`). */
    projectId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((t) => (t.scope === 'predict') === (t.projectId !== undefined), {
    message: 'A predict token needs the project it serves (projectId); a token for everything takes none.',
    path: ['projectId'],
  });

export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scope: TokenScopeSchema,
  projectId: z.string().nullable(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
});
export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) });
/** Returned once, when the token is made: `token` is never shown again. */
export const NewTokenSchema = TokenSchema.extend({ token: z.string() });
