import { expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

describeEachDatabase('comments on layers', () => {
  let ada: TestUser;
  let ben: TestUser;
  let vic: TestUser;
  let projectId: string;
  let threadId: string;
  const url = () => `/api/projects/${projectId}/comments`;

  it('starts a thread on a layer, with who and when', async () => {
    ada = await signUp('Ada Owner');
    ben = await signUp('Ben Editor');
    vic = await signUp('Vic Viewer');
    const teams = await call('GET', '/api/teams', { as: ada });
    const teamId = teams.body.teams[0].id as string;
    await db().membership.createMany({
      data: [
        { teamId, userId: ben.id, role: 'editor' },
        { teamId, userId: vic.id, role: 'viewer' },
      ],
    });
    const project = await call('POST', `/api/teams/${teamId}/projects`, { as: ada, body: { name: 'LeNet', template: 'lenet5' } });
    projectId = project.body.id;
    const before = Date.now();
    const made = await call('POST', url(), { as: ada, body: { nodeId: 'conv2d_1', text: '  Why a 5×5 kernel here?  ' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      nodeId: 'conv2d_1',
      text: 'Why a 5×5 kernel here?',
      author: { name: 'Ada Owner' },
      replies: [],
      resolvedAt: null,
    });
    expect(Date.parse(made.body.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    threadId = made.body.id;
  });

  it('keeps replies in order in their thread, and viewers read but cannot write', async () => {
    const reply = await call('POST', url(), { as: ben, body: { nodeId: 'conv2d_1', parentId: threadId, text: 'LeNet-5 used 5×5.' } });
    expect(reply.status).toBe(201);
    await call('POST', url(), { as: ada, body: { nodeId: 'conv2d_1', parentId: threadId, text: 'Thanks.' } });
    await call('POST', url(), { as: ben, body: { nodeId: 'dense_1', text: 'Fewer units?' } });
    const list = await call('GET', url(), { as: vic });
    expect(list.status).toBe(200);
    expect(list.body.threads.map((t: { nodeId: string }) => t.nodeId)).toEqual(['dense_1', 'conv2d_1']);
    expect(list.body.threads[1].replies.map((r: { author: { name: string }; text: string }) => `${r.author.name}: ${r.text}`)).toEqual([
      'Ben Editor: LeNet-5 used 5×5.',
      'Ada Owner: Thanks.',
    ]);
    const refused = await call('POST', url(), { as: vic, body: { nodeId: 'conv2d_1', text: 'Me too' } });
    expect(refused.status).toBe(403);
    const refusedResolve = await call('PATCH', `${url()}/${threadId}`, { as: vic, body: { resolved: true } });
    expect(refusedResolve.status).toBe(403);
    expect(await db().comment.count({ where: { projectId } })).toBe(4);
  });

  it('resolves a thread with who did it, reopens it, and a reply reopens it too', async () => {
    const resolved = await call('PATCH', `${url()}/${threadId}`, { as: ben, body: { resolved: true } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedBy).toMatchObject({ name: 'Ben Editor' });
    expect(resolved.body.resolvedAt).not.toBeNull();
    const reopened = await call('PATCH', `${url()}/${threadId}`, { as: ada, body: { resolved: false } });
    expect(reopened.body).toMatchObject({ resolvedAt: null, resolvedBy: null });
    await call('PATCH', `${url()}/${threadId}`, { as: ada, body: { resolved: true } });
    const reply = await call('POST', url(), { as: ben, body: { nodeId: 'conv2d_1', parentId: threadId, text: 'One more thing' } });
    expect(reply.body.resolvedAt).toBeNull();
  });

  it('says what is wrong with a bad comment', async () => {
    const empty = await call('POST', url(), { as: ada, body: { nodeId: 'conv2d_1', text: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues).toEqual([{ path: 'text', message: 'Write something to comment.' }]);
    const long = await call('POST', url(), { as: ada, body: { nodeId: 'conv2d_1', text: 'x'.repeat(4001) } });
    expect(long.body.error.details.issues[0].message).toMatch(/at most 4000/);
    const moved = await call('POST', url(), { as: ada, body: { nodeId: 'dense_1', parentId: threadId, text: 'here?' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/about layer "conv2d_1", not "dense_1"/);
    const replies = await call('GET', url(), { as: ada });
    const replyId = replies.body.threads.find((t: { id: string }) => t.id === threadId).replies[0].id;
    const nested = await call('POST', url(), { as: ada, body: { nodeId: 'conv2d_1', parentId: replyId, text: 'nested' } });
    expect(nested.body.error.message).toMatch(/not to a reply/);
    const missing = await call('PATCH', `${url()}/nope`, { as: ada, body: { resolved: true } });
    expect(missing.status).toBe(404);
  });

  it("does not let a thread of one project be reached through another's", async () => {
    const teams = await call('GET', '/api/teams', { as: ben });
    const own = teams.body.teams.find((t: { personal: boolean }) => t.personal).id;
    const other = await call('POST', `/api/teams/${own}/projects`, { as: ben, body: { name: 'Mine' } });
    const across = await call('PATCH', `/api/projects/${other.body.id}/comments/${threadId}`, { as: ben, body: { resolved: true } });
    expect(across.status).toBe(404);
    const reply = await call('POST', `/api/projects/${other.body.id}/comments`, {
      as: ben,
      body: { nodeId: 'conv2d_1', parentId: threadId, text: 'sneaky' },
    });
    expect(reply.status).toBe(404);
  });
});
