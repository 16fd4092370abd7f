import {
  AddCommentInput,
  CommentParams,
  CommentsParams,
  ResolveCommentInput,
  ThreadListSchema,
  ThreadSchema,
} from '@/server/comments/schemas';
import { defineRoute } from '@/server/http/contract';

/** GET /api/projects/:projectId/comments – every comment thread on the project's layers, newest first. */
export const listComments = defineRoute({
  method: 'GET',
  path: '/api/projects/:projectId/comments',
  params: CommentsParams,
  output: ThreadListSchema,
  access: { project: 'viewer' },
});

/** POST /api/projects/:projectId/comments – start a thread on a layer, or reply to one (`parentId`); answers the thread. */
export const addComment = defineRoute({
  method: 'POST',
  path: '/api/projects/:projectId/comments',
  params: CommentsParams,
  body: AddCommentInput,
  output: ThreadSchema,
  status: 201,
  access: { project: 'editor' },
});

/** PATCH /api/projects/:projectId/comments/:commentId – resolve a thread, or reopen it; answers the thread. */
export const resolveComment = defineRoute({
  method: 'PATCH',
  path: '/api/projects/:projectId/comments/:commentId',
  params: CommentParams,
  body: ResolveCommentInput,
  output: ThreadSchema,
  access: { project: 'editor' },
});
