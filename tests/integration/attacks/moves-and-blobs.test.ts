import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { call, signUp, type TestUser, verifyEmail } from '../helpers/api';
import { describeEachDatabase } from '../helpers/databases';
import { projectWithTemplate, putWeights } from '../training-support';

async function browserRun(user: TestUser, projectId: string): Promise<string> {
  const created = await call('POST', `/api/projects/${projectId}/runs`, {
    as: user,
    body: { versionNumber: 1, dataset: { builtin: 'spiral' }, place: 'browser', backend: 'webgl', settings: { training: { epochs: 1 } } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

const TOPOLOGY = { class_name: 'Sequential', config: { name: 'm', layers: [] } };
const specsOf = (floats: number) => [{ name: 'd/kernel', shape: [floats], dtype: 'float32' }];

/** Attacks on who may move a project, and on which blobs a run may claim as its weights. */
describeEachDatabase('attacks: moving projects, foreign blobs, unreadable evaluations', () => {
  let owner: TestUser;
  let editor: TestUser;
  let stranger: TestUser;
  let teamId: string;

  beforeAll(async () => {
    owner = await signUp('Owen Owner');
    editor = await signUp('Edie Editor');
    await verifyEmail(editor);
    stranger = await signUp('Stan Stranger');
    teamId = (await call('POST', '/api/teams', { as: owner, body: { name: 'Lab' } })).body.id;
    await call('POST', `/api/teams/${teamId}/invitations`, { as: owner, body: { email: editor.email, role: 'editor' } });
    const invitation = (await call('GET', '/api/invitations', { as: editor })).body.invitations[0];
    expect((await call('POST', `/api/invitations/${invitation.id}/accept`, { as: editor })).status).toBe(200);
  });

  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('an editor cannot take a project out of its team; an owner can move it to a team they edit', async () => {
    const project = (await call('POST', `/api/teams/${teamId}/projects`, { as: owner, body: { name: 'Keep me' } })).body;
    const editorsOwn = (await call('GET', '/api/teams', { as: editor })).body.teams.find((t: { personal: boolean }) => t.personal).id;
    const taken = await call('PATCH', `/api/projects/${project.id}`, { as: editor, body: { teamId: editorsOwn } });
    expect(taken.status).toBe(403);
    expect(taken.body.error.message).toMatch(/only team owners can/);
    expect((await call('GET', `/api/projects/${project.id}`, { as: owner })).body.teamId).toBe(teamId);
    // Renaming, and naming its own team, are still an editor's to do.
    expect((await call('PATCH', `/api/projects/${project.id}`, { as: editor, body: { name: 'Renamed', teamId } })).status).toBe(200);
    const ownersOwn = (await call('GET', '/api/teams', { as: owner })).body.teams.find((t: { personal: boolean }) => t.personal).id;
    const moved = await call('PATCH', `/api/projects/${project.id}`, { as: owner, body: { teamId: ownersOwn } });
    expect(moved.status).toBe(200);
    expect(moved.body.teamId).toBe(ownersOwn);
  });

  it("a run's finish call names only weights that run uploaded, and never tells a blob's size", async () => {
    const victimProject = await projectWithTemplate(owner, 'mlp', 'Victim');
    const victimRun = await browserRun(owner, victimProject);
    const secret = new Uint8Array(new Float32Array([1, 2, 3, 4, 5, 6, 7]).buffer);
    const uploaded = await putWeights(owner, victimRun, secret);
    expect(uploaded.status).toBe(201);
    const hash = uploaded.body.hash as string;

    const attackerProject = await projectWithTemplate(stranger, 'mlp', 'Attacker');
    const attackerRun = await browserRun(stranger, attackerProject);
    for (const floats of [1, 7]) {
      const finish = await call('POST', `/api/runs/${attackerRun}/finish`, {
        as: stranger,
        body: { status: 'completed', weights: { hash, modelTopology: TOPOLOGY, weightSpecs: specsOf(floats) } },
      });
      expect(finish.status).toBe(400);
      expect(finish.body.error.message).toMatch(/Upload the weights/);
      expect(finish.body.error.message).not.toMatch(/28/);
    }
    const weights = await call('GET', `/api/runs/${attackerRun}/weights.bin`, { as: stranger });
    expect(weights.status).toBe(404);
    // The same bytes uploaded by the attacker's own run are theirs to name.
    expect((await putWeights(stranger, attackerRun, secret)).body.hash).toBe(hash);
    const own = await call('POST', `/api/runs/${attackerRun}/finish`, {
      as: stranger,
      body: { status: 'completed', weights: { hash, modelTopology: TOPOLOGY, weightSpecs: specsOf(7) } },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });

  it('finish refuses an evaluation that is not one; a stored one that does not parse is reported, not a crash', async () => {
    const projectId = await projectWithTemplate(owner, 'mlp', 'Evaluated');
    const runId = await browserRun(owner, projectId);
    const bad = await call('POST', `/api/runs/${runId}/finish`, { as: owner, body: { status: 'completed', evaluation: {} } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('evaluation');
    const good = await call('POST', `/api/runs/${runId}/finish`, {
      as: owner,
      body: {
        status: 'completed',
        evaluation: { kind: 'regression', split: 'test', points: [{ actual: 1, predicted: 1.5 }], mae: 0.5, rmse: 0.5, count: 1 },
      },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect((await call('GET', `/api/runs/${runId}`, { as: owner })).body.evaluation).toMatchObject({ kind: 'regression', mae: 0.5 });
    // A record written by an older version, or by hand.
    await db().artifact.updateMany({ where: { runId, kind: 'evaluation' }, data: { meta: {} } });
    const unreadable = await call('GET', `/api/runs/${runId}`, { as: owner });
    expect(unreadable.status).toBe(500);
    expect(unreadable.body.error.message).toMatch(/can't be read/);
  });
});
