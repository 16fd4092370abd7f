import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeTf } from '@/engine/backends/node-tf';
import type { GraphDoc } from '@/engine/graph/schema';
import { templateGraph } from '@/engine/templates';
import { db } from '@/server/db/client';
import { claimRun } from '@/server/training/lease';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { trainOnServer } from '@/server/training/train-on-server';
import { call, signUp, type TestUser } from './helpers/api';
import { describeOnOneDatabase } from './helpers/databases';

/**
 * "Continue training from these weights" on a server worker, after the layers were renamed: the
 * weights follow their nodes, also for weights stored before the node of each layer was recorded
 * (worked out from the version they were trained on), and the run keeps the load plan.
 */
describeOnOneDatabase('continue training by node id', () => {
  let alice: TestUser;
  let projectId: string;
  const doc = templateGraph('mlp') as GraphDoc;
  const graph = { ...doc, training: { ...doc.training, epochs: 1, batchSize: 32, seed: 3 } } as GraphDoc;

  beforeAll(async () => {
    alice = await signUp('Alice Continues');
    const teams = await call('GET', '/api/teams', { as: alice });
    projectId = (await call('POST', `/api/teams/${teams.body.teams[0].id}/projects`, { as: alice, body: { name: 'Continue' } })).body.id;
    const saved = await call('POST', `/api/projects/${projectId}/versions`, { as: alice, body: { parent: null, graph } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  });

  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  async function trainRun(body: Record<string, unknown>) {
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { dataset: { builtin: 'spiral' }, place: 'server', ...body },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const runId = created.body.id as string;
    expect((await claimRun(runId, 'test-worker', `job-${runId}`)).ok).toBe(true);
    const outcome = await trainOnServer(await nodeTf(), { runId, workerId: 'test-worker', checkpoint: { epoch: null, hash: null } });
    const run = (await call('GET', `/api/runs/${runId}`, { as: alice })).body;
    expect(outcome, run.error).toBe('completed');
    return run;
  }

  it('loads every layer of an older run into the renamed graph and records the plan', async () => {
    const first = await trainRun({ versionNumber: 1 });
    const model = await call('GET', `/api/runs/${first.id}/model`, { as: alice });
    const hidden = graph.nodes.filter((n) => n.type === 'dense');
    const layerNodes = model.body.userDefinedMetadata.layerNodes as Record<string, string>;
    expect(Object.values(layerNodes)).toEqual(expect.arrayContaining(hidden.map((n) => n.id)));

    // Weights as stored before the node of each layer was recorded.
    const artifact = await db().artifact.findFirstOrThrow({ where: { runId: first.id, kind: 'weights' } });
    const { layerNodes: _dropped, ...oldMeta } = artifact.meta as Record<string, unknown>;
    await db().artifact.update({ where: { id: artifact.id }, data: { meta: oldMeta as object } });
    const derived = await call('GET', `/api/runs/${first.id}/model`, { as: alice });
    expect(derived.body.userDefinedMetadata.layerNodes).toEqual(layerNodes);

    // Rename every Dense layer, swapping names so a name-keyed load would cross them over.
    const renamed = {
      ...graph,
      nodes: graph.nodes.map((n) => {
        const i = hidden.findIndex((h) => h.id === n.id);
        return i < 0 ? n : { ...n, name: `renamed_${hidden.length - i}` };
      }),
    };
    const saved = await call('POST', `/api/projects/${projectId}/versions`, { as: alice, body: { parent: 1, graph: renamed } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);

    const second = await trainRun({ versionNumber: 2, initialRunId: first.id });
    const plan = second.config.weightPlan;
    expect(plan.problem).toBeNull();
    expect(plan.layers.map((l: { nodeId: string; status: string }) => [l.nodeId, l.status])).toEqual(hidden.map((n) => [n.id, 'loaded']));
    expect(plan.layers.map((l: { label: string }) => l.label)).toEqual(hidden.map((_, i) => `renamed_${hidden.length - i}`));
  }, 180_000);
});
