import { z } from 'zod';
import { Timestamp } from '@/server/http/contract';

export const TokenParams = z.object({ tokenId: z.string().min(1).max(100) });
export const CreateTokenInput = z.object({ name: z.string().trim().min(1, 'Give the token a name.').max(100) }).strict();

export const TokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
});
export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) });
/** Returned once, when the token is made: `token` is never shown again. */
export const NewTokenSchema = TokenSchema.extend({ token: z.string() });
