import { addComment } from '@/server/comments/add-comment';
import type { Row, World } from './world';

/** Every world gets one thread on a layer of its project, started by the owner. */
export async function prepare(world: World): Promise<Record<string, string>> {
  const thread = await addComment(world.users.owner.id, world.projectId, { nodeId: 'conv2d_1', text: 'Why five by five?' });
  return { commentId: thread.id };
}

const base = (w: World) => `/api/projects/${w.projectId}/comments`;

/** Comments on layers: viewers read them; editors and owners write, reply, resolve and reopen. */
export const rows: Row[] = [
  { file: 'projects/[projectId]/comments', method: 'GET', path: base, expect: [401, 404, 200, 200, 200] },
  {
    file: 'projects/[projectId]/comments',
    method: 'POST',
    path: base,
    body: () => ({ nodeId: 'dense_1', text: 'Fewer units?' }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/comments/[commentId]',
    method: 'PATCH',
    path: (w) => `${base(w)}/${w.extra.commentId}`,
    body: () => ({ resolved: true }),
    expect: [401, 404, 403, 200, 200],
  },
];
