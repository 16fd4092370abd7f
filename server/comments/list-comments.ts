import type { Prisma } from '@/prisma/generated/client';
import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import type { CommentItem, Thread } from './schemas';

const PERSON = { select: { id: true, name: true } } as const;
const COMMENT = { id: true, text: true, createdAt: true, author: PERSON } as const;
const THREAD = {
  ...COMMENT,
  nodeId: true,
  resolvedAt: true,
  resolvedBy: PERSON,
  replies: { select: COMMENT, orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] },
} satisfies Prisma.CommentSelect;

/** Every thread of a project (first comments and their replies), the newest thread first. */
export async function listComments(projectId: string): Promise<Thread[]> {
  const rows = await db().comment.findMany({
    where: { projectId, parentId: null },
    select: THREAD,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(threadOf);
}

/** One thread of a project by its first comment's id; a 404 when the project has no such thread. */
export async function getThread(projectId: string, threadId: string): Promise<Thread> {
  const row = await db().comment.findFirst({ where: { id: threadId, projectId, parentId: null }, select: THREAD });
  if (!row) throw notFound('The comment thread');
  return threadOf(row);
}

function threadOf(row: {
  id: string;
  text: string;
  createdAt: Date;
  author: CommentItem['author'];
  nodeId: string;
  resolvedAt: Date | null;
  resolvedBy: CommentItem['author'];
  replies: CommentItem[];
}): Thread {
  return { ...row };
}
