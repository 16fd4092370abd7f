import { expect, type Page } from '@playwright/test';
import { templateGraph } from '../../engine/templates';
import { trainedLenet } from '../support/trained-lenet';

/** A project holding a template as version 1. */
export async function projectWith(page: Page, base: string, template: string, name: string): Promise<string> {
  const headers = { origin: base };
  const teams = await (await page.request.get(`${base}/api/teams`)).json();
  const project = await (await page.request.post(`${base}/api/teams/${teams.teams[0].id}/projects`, { headers, data: { name } })).json();
  const saved = await page.request.post(`${base}/api/projects/${project.id}/versions`, {
    headers,
    data: { parent: null, graph: templateGraph(template) },
  });
  expect(saved.status()).toBe(201);
  return project.id;
}

/** LeNet-5 trained for two epochs in Node, recorded as a finished run the way the Train tab records one. */
export async function trainedLenetRun(page: Page, base: string, projectId: string): Promise<string> {
  const headers = { origin: base };
  const run = await page.request.post(`${base}/api/projects/${projectId}/runs`, {
    headers,
    data: { versionNumber: 1, dataset: { builtin: 'digits' }, place: 'browser', backend: 'wasm', settings: { training: { epochs: 2 } } },
  });
  expect(run.status()).toBe(201);
  const runId = (await run.json()).id as string;
  const trained = await trainedLenet();
  const put = await page.request.put(`${base}/api/runs/${runId}/weights.bin`, { headers, data: Buffer.from(trained.bytes) });
  expect(put.status()).toBe(201);
  const finished = await page.request.post(`${base}/api/runs/${runId}/finish`, {
    headers,
    data: {
      status: 'completed',
      weights: { hash: (await put.json()).hash, modelTopology: trained.modelTopology, weightSpecs: trained.weightSpecs },
    },
  });
  expect(finished.status()).toBe(200);
  return runId;
}
