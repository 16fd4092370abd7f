import { expect, it } from 'vitest';
import { canonicalJson } from '@/engine/graph/canonical-json';
import { parseGraph } from '@/engine/graph/parse';
import { templateGraph } from '@/engine/templates';
import { db } from '@/server/db/client';
import { ErrorBodySchema } from '@/server/http/errors';
import { contentHash } from '@/server/versions/content-hash';
import { call, graphFixture, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

describeEachDatabase('versions', () => {
  let alice: TestUser;
  let projectId: string;

  it('signs up and creates a project in the personal team', async () => {
    alice = await signUp('Alice Example');
    const teams = await call('GET', '/api/teams', { as: alice });
    expect(teams.status).toBe(200);
    expect(teams.body.teams).toHaveLength(1);
    expect(teams.body.teams[0]).toMatchObject({ personal: true, role: 'owner', name: "Alice's team" });
    const created = await call('POST', `/api/teams/${teams.body.teams[0].id}/projects`, { as: alice, body: { name: 'Iris MLP' } });
    expect(created.status).toBe(201);
    expect(created.body.headNumber).toBeNull();
    projectId = created.body.id;
  });

  it('saves versions with number, parent, author, message and content hash', async () => {
    const first = await call('POST', `/api/projects/${projectId}/versions`, {
      as: alice,
      body: { parent: null, message: 'first', graph: graphFixture(10) },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ number: 1, parentNumber: null, message: 'first', author: { name: 'Alice Example' } });
    expect(first.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const second = await call('POST', `/api/projects/${projectId}/versions`, {
      as: alice,
      body: { parent: 1, message: 'wider', graph: graphFixture(64) },
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ number: 2, parentNumber: 1 });
    const history = await call('GET', `/api/projects/${projectId}/versions`, { as: alice });
    expect(history.body.headNumber).toBe(2);
    expect(history.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const one = await call('GET', `/api/projects/${projectId}/versions/1`, { as: alice });
    expect(one.status).toBe(200);
    expect(one.body.graph.nodes[1].params.units).toBe(10);
    const head = await call('GET', `/api/projects/${projectId}/versions/head`, { as: alice });
    expect(head.body.number).toBe(2);
  });

  it('refuses an invalid graph with the diagnostics, writing nothing', async () => {
    const bad = await call('POST', `/api/projects/${projectId}/versions`, {
      as: alice,
      body: { parent: 2, message: 'broken', graph: { format: 'netcanvas.graph', version: 1, nodes: [{ id: 'x' }], edges: [] } },
    });
    expect(bad.status).toBe(400);
    expect(ErrorBodySchema.parse(bad.body).error.code).toBe('bad_request');
    expect(bad.body.error.details.diagnostics[0]).toMatchObject({ code: 'malformed_document', nodeId: 'x' });
    const history = await call('GET', `/api/projects/${projectId}/versions`, { as: alice });
    expect(history.body.headNumber).toBe(2);
  });

  it('stores identical content once, whatever the key order', async () => {
    const g = graphFixture(64) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(g).reverse());
    const again = await call('POST', `/api/projects/${projectId}/versions`, {
      as: alice,
      body: { parent: 2, message: 'same', graph: reordered },
    });
    expect(again.status).toBe(201);
    const versions = await db().version.findMany({ where: { projectId }, orderBy: { number: 'asc' } });
    expect(versions[2]?.contentHash).toBe(versions[1]?.contentHash);
    expect(await db().graphContent.count({ where: { hash: versions[1]?.contentHash } })).toBe(1);
  });

  it('two concurrent saves on the same parent: one 201, one 409, nothing lost', async () => {
    const mine = graphFixture(128);
    const theirs = graphFixture(256);
    const [a, b] = await Promise.all([
      call('POST', `/api/projects/${projectId}/versions`, { as: alice, body: { parent: 3, message: 'mine', graph: mine } }),
      call('POST', `/api/projects/${projectId}/versions`, { as: alice, body: { parent: 3, message: 'theirs', graph: theirs } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [winner, loser, loserGraph] = a.status === 201 ? [a, b, theirs] : [b, a, mine];
    expect(ErrorBodySchema.parse(loser.body).error.code).toBe('conflict');
    expect(loser.body.error.details.head).toMatchObject({ number: 4, message: winner.body.message, author: { name: 'Alice Example' } });
    // The losing side keeps its document and saves it on top of the new head.
    const rebased = await call('POST', `/api/projects/${projectId}/versions`, {
      as: alice,
      body: { parent: loser.body.error.details.head.number, message: 'rebased', graph: loserGraph },
    });
    expect(rebased.status).toBe(201);
    expect(rebased.body.number).toBe(5);
    const v4 = await call('GET', `/api/projects/${projectId}/versions/4`, { as: alice });
    const v5 = await call('GET', `/api/projects/${projectId}/versions/5`, { as: alice });
    const units = [v4.body.graph.nodes[1].params.units, v5.body.graph.nodes[1].params.units].sort((x, y) => x - y);
    expect(units).toEqual([128, 256]);
    expect(await db().version.count({ where: { projectId } })).toBe(5);
  });

  it('a stale parent is a 409 too', async () => {
    const stale = await call('POST', `/api/projects/${projectId}/versions`, {
      as: alice,
      body: { parent: 1, message: 'old view', graph: graphFixture(7) },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ head: { number: 5 }, yourParent: 1 });
  });

  it('restores an old version as a new head with the same content', async () => {
    const restored = await call('POST', `/api/projects/${projectId}/versions/1/restore`, { as: alice, body: {} });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ number: 6, parentNumber: 5, restoredFrom: 1, message: 'Restore version 1' });
    const v1 = await call('GET', `/api/projects/${projectId}/versions/1`, { as: alice });
    expect(restored.body.contentHash).toBe(v1.body.contentHash);
  });

  it('diffs two versions down to the parameter', async () => {
    const diff = await call('GET', `/api/projects/${projectId}/diff?from=1&to=2`, { as: alice });
    expect(diff.status).toBe(200);
    expect(diff.body.diff.nodes.changed).toEqual([
      { id: 'd1', type: 'dense', changes: [{ path: 'params.units', kind: 'changed', before: 10, after: 64 }] },
    ]);
    const missing = await call('GET', `/api/projects/${projectId}/diff?from=1&to=99`, { as: alice });
    expect(missing.status).toBe(404);
  });

  it('an edit of one layer on top of a loaded head stores what a full parse would, as canonical text', async () => {
    const design = await call('POST', `/api/teams/${(await call('GET', '/api/teams', { as: alice })).body.teams[0].id}/projects`, {
      as: alice,
      body: { name: 'Residual' },
    });
    const id = design.body.id;
    const first = templateGraph('resnet-small');
    expect((await call('POST', `/api/projects/${id}/versions`, { as: alice, body: { parent: null, graph: first } })).status).toBe(201);
    const head = await call('GET', `/api/projects/${id}/versions/head`, { as: alice });
    const edited = structuredClone(head.body.graph);
    const conv = edited.nodes.find((n: { type: string }) => n.type === 'conv2d');
    conv.params.filters = 40;
    const saved = await call('POST', `/api/projects/${id}/versions`, { as: alice, body: { parent: 1, message: 'wider', graph: edited } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const full = parseGraph(edited);
    if (!full.ok) throw new Error('the edited graph should parse');
    expect(saved.body.contentHash).toBe(contentHash(full.doc).hash);
    const stored = await db().graphContent.findUniqueOrThrow({ where: { hash: saved.body.contentHash } });
    expect(stored.doc).toBe(canonicalJson(full.doc));
    expect(stored.size).toBe(Buffer.byteLength(stored.doc));
    const again = await call('GET', `/api/projects/${id}/versions/2`, { as: alice });
    expect(again.body.graph).toEqual(full.doc);
  });

  it('refuses a malformed layer in an edit of a loaded head with the words of a full parse, writing nothing', async () => {
    const history = await call('GET', `/api/projects/${projectId}/versions`, { as: alice });
    const head = await call('GET', `/api/projects/${projectId}/versions/head`, { as: alice });
    const edited = structuredClone(head.body.graph);
    edited.nodes[1].params = 'wide';
    edited.nodes[2].position = { x: 0 };
    const bad = await call('POST', `/api/projects/${projectId}/versions`, {
      as: alice,
      body: { parent: history.body.headNumber, message: 'broken', graph: edited },
    });
    expect(bad.status).toBe(400);
    const full = parseGraph(edited);
    expect(full.ok).toBe(false);
    if (!full.ok) expect(bad.body.error.details.diagnostics).toEqual(full.diagnostics);
    expect(bad.body.error.details.diagnostics.map((d: { nodeId: string; field: string }) => [d.nodeId, d.field])).toEqual([
      [edited.nodes[1].id, 'params'],
      [edited.nodes[2].id, 'position.y'],
    ]);
    expect((await call('GET', `/api/projects/${projectId}/versions`, { as: alice })).body.headNumber).toBe(history.body.headNumber);
  });
});
