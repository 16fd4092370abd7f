import pg from 'pg';
import { expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { deleteProject } from '@/server/projects/delete-project';
import { contentHash } from '@/server/versions/content-hash';
import { call, graphFixture, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';

const stored = async (hash: string) => (await db().graphContent.count({ where: { hash } })) === 1;

describeEachDatabase('graph contents', (env) => {
  let alice: TestUser;
  let personalTeam: string;

  async function projectWith(teamId: string, name: string, ...graphs: unknown[]): Promise<{ id: string; hashes: string[] }> {
    const project = await call('POST', `/api/teams/${teamId}/projects`, { as: alice, body: { name } });
    expect(project.status).toBe(201);
    const hashes: string[] = [];
    for (const [i, graph] of graphs.entries()) {
      const saved = await call('POST', `/api/projects/${project.body.id}/versions`, {
        as: alice,
        body: { parent: i === 0 ? null : i, message: `v${i + 1}`, graph },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      hashes.push(saved.body.contentHash);
    }
    return { id: project.body.id, hashes };
  }

  it('deleting a project releases the contents only it used, and keeps the shared ones', async () => {
    alice = await signUp('Alice Contents');
    personalTeam = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
    const doomed = await projectWith(personalTeam, 'Doomed', graphFixture(11), graphFixture(12));
    const keeper = await projectWith(personalTeam, 'Keeper', graphFixture(12));
    const [own, shared] = doomed.hashes as [string, string];
    expect(keeper.hashes[0]).toBe(shared);
    expect(await stored(own)).toBe(true);

    expect((await call('DELETE', `/api/projects/${doomed.id}`, { as: alice })).status).toBe(204);
    expect(await stored(own)).toBe(false);
    expect(await stored(shared)).toBe(true);
    const kept = await call('GET', `/api/projects/${keeper.id}/versions/1`, { as: alice });
    expect(kept.status).toBe(200);
    expect(kept.body.graph.nodes[1].params.units).toBe(12);
  });

  it('a fork keeps the contents its source shared with it when the source is deleted', async () => {
    const source = await projectWith(personalTeam, 'Source', graphFixture(21), graphFixture(22));
    const fork = await call('POST', `/api/projects/${source.id}/duplicate`, { as: alice, body: {} });
    expect(fork.status).toBe(201);
    expect((await call('DELETE', `/api/projects/${source.id}`, { as: alice })).status).toBe(204);
    for (const hash of source.hashes) expect(await stored(hash)).toBe(true);
    expect((await call('DELETE', `/api/projects/${fork.body.id}`, { as: alice })).status).toBe(204);
    for (const hash of source.hashes) expect(await stored(hash)).toBe(false);
  });

  it('deleting a team releases the contents of its projects', async () => {
    const team = await call('POST', '/api/teams', { as: alice, body: { name: 'Short-lived' } });
    expect(team.status).toBe(201);
    const a = await projectWith(team.body.id, 'A', graphFixture(31));
    const b = await projectWith(team.body.id, 'B', graphFixture(32), graphFixture(31));
    expect((await call('DELETE', `/api/teams/${team.body.id}`, { as: alice })).status).toBe(204);
    for (const hash of [...a.hashes, ...b.hashes]) expect(await stored(hash)).toBe(false);
  });

  it('a version being written holds its content: deleting its only other user neither waits nor removes it', async (ctx) => {
    // The embedded database runs one transaction at a time, so there a deletion cannot overlap a save.
    if (env.db.kind === 'pglite') ctx.skip();
    const graph = graphFixture(41);
    const old = await projectWith(personalTeam, 'Old', graph);
    const fresh = await call('POST', `/api/teams/${personalTeam}/projects`, { as: alice, body: { name: 'Fresh' } });
    const { hash } = contentHash(graph);
    expect(old.hashes[0]).toBe(hash);

    // A save's statement has inserted its version (whose foreign key holds the content) and not yet
    // committed when the old project is deleted. Were the content not held, the deletion would remove
    // it and the version would fail its key; were the hold to block the deletion, this would never finish.
    const saving = new pg.Client({ connectionString: env.db.url });
    await saving.connect();
    try {
      await saving.query('BEGIN');
      await saving.query(
        `INSERT INTO "version" ("id", "projectId", "number", "message", "contentHash") VALUES ('held-version', $1, 1, 'same graph', $2)`,
        [fresh.body.id, hash],
      );
      await saving.query('UPDATE "project" SET "headNumber" = 1 WHERE "id" = $1', [fresh.body.id]);
      await deleteProject(old.id);
      await saving.query('COMMIT');
    } finally {
      await saving.end();
    }
    expect(await stored(hash)).toBe(true);
    const loaded = await call('GET', `/api/projects/${fresh.body.id}/versions/1`, { as: alice });
    expect(loaded.status).toBe(200);
    expect(loaded.body.graph.nodes[1].params.units).toBe(41);
    // Once nobody uses it, the next deletion releases it.
    expect((await call('DELETE', `/api/projects/${fresh.body.id}`, { as: alice })).status).toBe(204);
    expect(await stored(hash)).toBe(false);
  });

  it('a save of a content that a deletion is removing stores it again', async (ctx) => {
    if (env.db.kind === 'pglite') ctx.skip();
    const graph = graphFixture(43);
    const old = await projectWith(personalTeam, 'Going', graph);
    const fresh = await call('POST', `/api/teams/${personalTeam}/projects`, { as: alice, body: { name: 'Coming' } });
    const { hash } = contentHash(graph);
    // A deletion that has removed the content and not yet committed: the save waits for it, then stores the content anew.
    const deleting = new pg.Client({ connectionString: env.db.url });
    await deleting.connect();
    try {
      await deleting.query('BEGIN');
      await deleting.query('DELETE FROM "project" WHERE "id" = $1', [old.id]);
      await deleting.query('DELETE FROM "graph_content" WHERE "hash" = $1', [hash]);
      const save = call('POST', `/api/projects/${fresh.body.id}/versions`, { as: alice, body: { parent: null, graph } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await deleting.query('COMMIT');
      const saved = await save;
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      expect(saved.body.contentHash).toBe(hash);
    } finally {
      await deleting.end();
    }
    expect(await stored(hash)).toBe(true);
    expect((await call('GET', `/api/projects/${fresh.body.id}/versions/1`, { as: alice })).body.graph.nodes[1].params.units).toBe(43);
  });
});
