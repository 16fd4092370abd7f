import { resolveComment } from '@/server/comments/resolve-comment';
import * as routes from '@/server/comments/routes';
import { handle } from '@/server/http/handle';

export const PATCH = handle(routes.resolveComment, ({ caller, params, body }) =>
  resolveComment(caller.userId, params.projectId, params.commentId, body.resolved),
);
