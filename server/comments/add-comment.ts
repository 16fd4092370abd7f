import { db } from '@/server/db/client';
import { badRequest, notFound } from '@/server/http/errors';
import { getThread } from './list-comments';
import type { Thread } from './schemas';

/** Most threads a project holds, so that a script cannot fill the table; far above what a class writes. */
export const MAX_THREADS_PER_PROJECT = 2000;

/**
 * Starts a thread on a layer or adds a reply (`parentId`: the thread's first comment, in the same
 * project; a reply to a reply is refused, threads are one level deep). A reply must name the
 * thread's layer, so a client cannot move a conversation. Reopens a resolved thread it replies to.
 */
export async function addComment(
  userId: string,
  projectId: string,
  input: { nodeId: string; text: string; parentId?: string | undefined },
): Promise<Thread> {
  if (input.parentId) {
    const parent = await db().comment.findFirst({ where: { id: input.parentId, projectId }, select: { parentId: true, nodeId: true } });
    if (!parent) throw notFound('The comment thread');
    if (parent.parentId) throw badRequest('Reply to the thread (its first comment), not to a reply.', { field: 'parentId' });
    if (parent.nodeId !== input.nodeId) {
      throw badRequest(`This thread is about layer "${parent.nodeId}", not "${input.nodeId}".`, { field: 'nodeId' });
    }
    await db().$transaction([
      db().comment.create({ data: { projectId, nodeId: input.nodeId, parentId: input.parentId, authorId: userId, text: input.text } }),
      db().comment.update({ where: { id: input.parentId }, data: { resolvedAt: null, resolvedById: null } }),
    ]);
    return getThread(projectId, input.parentId);
  }
  const threads = await db().comment.count({ where: { projectId, parentId: null } });
  if (threads >= MAX_THREADS_PER_PROJECT) {
    throw badRequest(`This project has ${MAX_THREADS_PER_PROJECT} comment threads, the most it keeps: resolve and reuse one.`);
  }
  const made = await db().comment.create({
    data: { projectId, nodeId: input.nodeId, authorId: userId, text: input.text },
    select: { id: true },
  });
  return getThread(projectId, made.id);
}
