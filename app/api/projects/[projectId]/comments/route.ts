import { addComment } from '@/server/comments/add-comment';
import { listComments } from '@/server/comments/list-comments';
import * as routes from '@/server/comments/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.listComments, async ({ params }) => ({ threads: await listComments(params.projectId) }));

export const POST = handle(routes.addComment, ({ caller, params, body }) => addComment(caller.userId, params.projectId, body));
