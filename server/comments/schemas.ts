import { z } from 'zod';
import { Timestamp } from '@/server/http/contract';

const Id = z.string().min(1).max(100);

export const CommentsParams = z.object({ projectId: Id });
export const CommentParams = z.object({ projectId: Id, commentId: Id });

/** Longest comment, in characters: a paragraph or two, not a document. */
export const MAX_COMMENT_LENGTH = 4000;

export const AddCommentInput = z
  .object({
    /** The layer (graph node id) a new thread is about; a reply takes its thread's. */
    nodeId: Id.describe('the id of the layer the comment is about'),
    text: z
      .string()
      .trim()
      .min(1, 'Write something to comment.')
      .max(MAX_COMMENT_LENGTH, `A comment has at most ${MAX_COMMENT_LENGTH} characters.`),
    /** Reply to this thread (its first comment's id) instead of starting one. */
    parentId: Id.optional(),
  })
  .strict();

export const ResolveCommentInput = z.object({ resolved: z.boolean() }).strict();

const Person = z.object({ id: z.string(), name: z.string() }).nullable();

export const CommentSchema = z.object({
  id: z.string(),
  text: z.string(),
  author: Person,
  createdAt: Timestamp,
});
export type CommentItem = z.infer<typeof CommentSchema>;

/** A thread on one layer: its first comment, the replies in order, and whether (and by whom) it was resolved. */
export const ThreadSchema = CommentSchema.extend({
  nodeId: z.string(),
  replies: z.array(CommentSchema),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: Person,
});
export type Thread = z.infer<typeof ThreadSchema>;

export const ThreadListSchema = z.object({ threads: z.array(ThreadSchema) });
