import { z } from 'zod';
import { ChangeSchema } from '@/engine/graph/changes';
import type { GraphDiff } from '@/engine/graph/diff';
import type { GraphDoc } from '@/engine/graph/schema';
import { Timestamp } from '@/server/http/contract';
import { int32 } from '@/server/http/int32';

const Id = z.string().min(1).max(100);

export const VersionListParams = z.object({ projectId: Id });
/** A version number, or `head` for the newest. */
export const VersionParams = z.object({
  projectId: Id,
  number: z.union([z.literal('head'), int32.coerced().positive()]),
});

export const VersionListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: int32.coerced().positive().optional(),
});

export const SaveVersionInput = z
  .object({
    /** The version this one was edited from (the head the client loaded), or null for the first save. */
    parent: int32().positive().nullable(),
    message: z.string().trim().max(500).default(''),
    /** A graph document; validated with the engine's parseGraph. */
    graph: z.unknown().optional(),
    /**
     * Instead of `graph`: the edits that turn the parent's graph into the new one (engine/graph/changes.ts),
     * so a one-layer edit of a large design sends one layer. Needs `parent` and `graphHash`.
     */
    changes: z.array(ChangeSchema).max(100_000).optional(),
    /** With `changes`: the content hash (SHA-256 of the canonical JSON) of the graph they should give. */
    graphHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex')
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const has = (key: 'graph' | 'changes') => body[key] !== undefined;
    if (has('graph') === has('changes')) ctx.addIssue({ code: 'custom', path: ['graph'], message: 'Send either graph or changes.' });
    if (!has('changes')) return;
    if (body.parent === null)
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'Changes apply to a parent version: give its number.' });
    if (body.graphHash === undefined)
      ctx.addIssue({ code: 'custom', path: ['graphHash'], message: 'Changes need the hash of the graph they give.' });
  });

export const RestoreInput = z
  .object({ parent: int32().positive().nullable().optional(), message: z.string().trim().max(500).optional() })
  .strict();

export const DiffQuery = z.object({
  from: int32.coerced().positive(),
  to: int32.coerced().positive(),
});

export const AuthorSchema = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();

export const VersionMetaSchema = z.object({
  number: z.number().int(),
  parentNumber: z.number().int().nullable(),
  message: z.string(),
  author: AuthorSchema,
  createdAt: Timestamp,
  contentHash: z.string(),
  restoredFrom: z.number().int().nullable(),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

export const VersionListSchema = z.object({
  headNumber: z.number().int().nullable(),
  versions: z.array(VersionMetaSchema),
});

/** The graph was validated with parseGraph when it was read; it is passed through as is. */
export const VersionSchema = VersionMetaSchema.extend({ graph: z.custom<GraphDoc>((v) => typeof v === 'object' && v !== null) });
export type Version = z.infer<typeof VersionSchema>;

export const DiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  diff: z.custom<GraphDiff>((v) => typeof v === 'object' && v !== null),
});

/** `details` of a 409 from a save: the head the client should rebase its draft on. */
export const ConflictDetailsSchema = z.object({ head: VersionMetaSchema.nullable(), yourParent: z.number().int().nullable() });
