import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { canonicalJson } from '@/engine/graph/canonical-json';
import type { Change } from '@/engine/graph/changes';
import { changesBetween } from '@/engine/graph/changes-between';
import { parseGraph } from '@/engine/graph/parse';
import type { GraphDoc } from '@/engine/graph/schema';
import { templateGraph } from '@/engine/templates';
import { db } from '@/server/db/client';
import { contentHash } from '@/server/versions/content-hash';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

const sha256 = (doc: GraphDoc) => createHash('sha256').update(canonicalJson(doc)).digest('hex');

describeEachDatabase('saving versions as changes', () => {
  let alice: TestUser;
  let teamId: string;
  let projectId: string;
  let v1: GraphDoc;

  const save = (body: Record<string, unknown>, project = projectId) =>
    call('POST', `/api/projects/${project}/versions`, { as: alice, body: { message: 'edit', ...body } });
  const headNumber = async () => (await call('GET', `/api/projects/${projectId}/versions`, { as: alice })).body.headNumber;

  it('saves the changes against the parent: the version is the parent with them applied', async () => {
    alice = await signUp('Alice Changes');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
    projectId = (await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'LeNet' } })).body.id;
    expect((await save({ parent: null, graph: templateGraph('lenet5') })).status).toBe(201);
    v1 = (await call('GET', `/api/projects/${projectId}/versions/1`, { as: alice })).body.graph;
    const conv = v1.nodes.find((n) => n.type === 'conv2d') as GraphDoc['nodes'][number];
    const edited: GraphDoc = {
      ...v1,
      name: 'LeNet, wider',
      nodes: v1.nodes.map((n) => (n === conv ? { ...n, params: { ...n.params, filters: 12 } } : n)),
    };
    const changes = changesBetween(v1, edited);
    expect(changes.map((c) => c.kind)).toEqual(['node.update', 'doc.patch']);
    const saved = await save({ parent: 1, changes, graphHash: sha256(edited) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ number: 2, parentNumber: 1, contentHash: contentHash(edited).hash });
    const stored = await db().graphContent.findUniqueOrThrow({ where: { hash: saved.body.contentHash } });
    expect(stored.doc).toBe(canonicalJson(edited));
    const loaded = await call('GET', `/api/projects/${projectId}/versions/2`, { as: alice });
    expect(loaded.body.graph).toEqual(edited);
  });

  it('a hash that the changes do not give is refused with "send the whole graph", writing nothing', async () => {
    const changes: Change[] = [{ kind: 'doc.patch', set: { name: 'renamed' } }];
    const wrong = await save({ parent: 2, changes, graphHash: sha256(v1) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/your copy of version 2 differs.*Send the whole graph/);
    expect(wrong.body.error.details).toMatchObject({ resend: 'graph', expected: sha256(v1) });
    expect(await headNumber()).toBe(2);
  });

  it('a change that does not fit the parent names it, writing nothing', async () => {
    const changes: Change[] = [
      { kind: 'doc.patch', set: { name: 'x' } },
      { kind: 'node.update', id: 'no-such-layer', set: { params: { units: 3 } } },
    ];
    const bad = await save({ parent: 2, changes, graphHash: sha256(v1) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Change 2 updates layer "no-such-layer", which does not exist. The changes do not fit version 2.');
    expect(bad.body.error.details).toEqual({ change: 1 });
    expect(await headNumber()).toBe(2);
  });

  it('changes on a stale or unknown parent are a 409 with the head', async () => {
    const changes: Change[] = [{ kind: 'doc.patch', set: { name: 'late' } }];
    const stale = await save({ parent: 1, changes, graphHash: sha256({ ...v1, name: 'late' }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.head).toMatchObject({ number: 2 });
    const unknown = await save({ parent: 40, changes, graphHash: sha256(v1) });
    expect(unknown.status).toBe(409);
    expect(unknown.body.error.details.head).toMatchObject({ number: 2 });
    expect(await headNumber()).toBe(2);
  });

  it('refuses bodies that are neither a graph nor complete changes', async () => {
    const changes: Change[] = [{ kind: 'doc.patch', set: { name: 'y' } }];
    const cases: [Record<string, unknown>, string][] = [
      [{ parent: 2 }, 'graph'],
      [{ parent: 2, graph: v1, changes, graphHash: sha256(v1) }, 'graph'],
      [{ parent: null, changes, graphHash: sha256(v1) }, 'parent'],
      [{ parent: 2, changes }, 'graphHash'],
      [{ parent: 2, changes, graphHash: 'ABC' }, 'graphHash'],
      [{ parent: 2, changes: [{ kind: 'node.explode', id: 'a' }], graphHash: sha256(v1) }, 'changes.0.kind'],
    ];
    for (const [body, path] of cases) {
      const answer = await save(body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(await headNumber()).toBe(2);
  });

  it('applies changes to a parent this process never loaded, read from the database', async () => {
    // A version written straight to the database, as another server process would have: no cache knows it.
    const parsed = parseGraph({ ...templateGraph('mlp'), name: 'written elsewhere' });
    if (!parsed.ok) throw new Error('the template should parse');
    const other = parsed.doc;
    const { hash, json } = contentHash(other);
    const project = (await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'Elsewhere' } })).body.id;
    await db().graphContent.create({ data: { hash, doc: json, size: Buffer.byteLength(json) } });
    await db().version.create({ data: { projectId: project, number: 1, contentHash: hash, message: 'elsewhere' } });
    await db().project.update({ where: { id: project }, data: { headNumber: 1 } });
    const next = { ...other, name: 'and edited here' };
    const saved = await save({ parent: 1, changes: changesBetween(other, next), graphHash: sha256(next) }, project);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.contentHash).toBe(contentHash(next).hash);
  });

  it('reads a content stored in another key order (as rows from before canonical text were) and saves changes on it', async () => {
    const parsed = parseGraph({ ...templateGraph('lenet5'), name: 'stored unsorted' });
    if (!parsed.ok) throw new Error('the template should parse');
    const doc = parsed.doc;
    const { hash } = contentHash(doc);
    const unsorted = JSON.stringify(Object.fromEntries(Object.entries(doc).reverse()));
    const project = (await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name: 'Unsorted' } })).body.id;
    await db().graphContent.create({ data: { hash, doc: unsorted, size: Buffer.byteLength(unsorted) } });
    await db().version.create({ data: { projectId: project, number: 1, contentHash: hash, message: 'old row' } });
    await db().project.update({ where: { id: project }, data: { headNumber: 1 } });
    const loaded = await call('GET', `/api/projects/${project}/versions/1`, { as: alice });
    expect(loaded.body.graph).toEqual(doc);
    const next = { ...doc, name: 'sorted now' };
    const saved = await save({ parent: 1, changes: changesBetween(doc, next), graphHash: sha256(next) }, project);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const stored = await db().graphContent.findUniqueOrThrow({ where: { hash: saved.body.contentHash } });
    expect(stored.doc).toBe(canonicalJson(next));
  });
});
