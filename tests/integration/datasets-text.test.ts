import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeTf } from '@/engine/backends/node-tf';
import type { BatchSource } from '@/engine/data/batch-source';
import { type TfjsArtifacts, tfjsArtifacts } from '@/engine/export/tfjs-artifacts';
import type { GraphDoc } from '@/engine/graph/schema';
import { templateGraph } from '@/engine/templates';
import { disposeModel, prepareModel } from '@/engine/train/prepare-model';
import { trainFromSource } from '@/engine/train/train-stream';
import { openBatchSource } from '@/server/datasets/open-batch-source';
import { closeTrainQueue } from '@/server/training/queue';
import { closeRunEvents } from '@/server/training/run-events';
import { fetchBatch, upload } from './datasets-fixtures';
import { call, signUp, type TestUser } from './helpers/api';
import { describeEachDatabase } from './helpers/databases';
import { projectWithTemplate, putWeights } from './training-support';

const SMALL = `id,review,verdict
1,"The film was great, truly great!",good
2,A dull film.,bad
3,"Great acting; great film.",good
4,Dull and slow,bad
5,The end was great,good
6,So slow... so dull,bad
7,,bad
8,great,
9,"Great fun, a great cast",good
10,dull dull dull,bad
`;

/** The built-in sentences as a CSV, every `step`-th row (the file holds 1,000 per novel in order). */
function austenCsv(step: number): string {
  const lines = readFileSync(path.resolve(import.meta.dirname, '../../data-builtin/austen/sentences.tsv'), 'utf8')
    .trim()
    .split('\n');
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const rows = lines
    .slice(1)
    .filter((_, i) => i % step === 0)
    .map((line) => line.split('\t').map(quote).join(','));
  return `sentence,novel\n${rows.join('\n')}\n`;
}

/**
 * A CSV of texts uploaded as a text dataset version (tokenizer and vocabulary kept with it, word
 * ids in its batches), a text template trained on it, and the run predicting typed text through
 * the predict route with the stored vocabulary.
 */
let trained: Promise<TfjsArtifacts> | undefined;

async function trainOn(source: BatchSource): Promise<TfjsArtifacts> {
  const tf = await nodeTf();
  const prepared = prepareModel(tf, templateGraph('conv1d-text') as GraphDoc, source, { epochs: 4, batchSize: 32, seed: 4 });
  if (!prepared.ok) throw new Error(prepared.problem);
  await trainFromSource(tf, prepared.model, source, { config: prepared.config });
  const artifacts = await tfjsArtifacts(tf, prepared.model);
  disposeModel(prepared.model);
  return artifacts;
}

describeEachDatabase('text datasets', () => {
  let alice: TestUser;
  let teamId: string;

  beforeAll(async () => {
    alice = await signUp('Alice Texts');
    teamId = (await call('GET', '/api/teams', { as: alice })).body.teams[0].id;
  });

  afterAll(async () => {
    await closeTrainQueue();
    await closeRunEvents();
  });

  it('keeps the vocabulary of the training texts with the version and serves word ids in its batches', async () => {
    const made = await upload(alice, teamId, SMALL, {
      name: 'Reviews',
      format: 'csv',
      license: 'CC0',
      options: { label: 'verdict', text: { column: 'review', vocabularySize: 6, length: 5 }, split: { validation: 0, test: 0, seed: 2 } },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.report).toMatchObject({ read: 10, kept: 8, skippedCount: 2 });
    expect(made.body.report.notes).toContain('1 row(s) without a label dropped.');
    expect(made.body.report.notes).toContain('1 row(s) without text dropped.');
    const base = `/api/datasets/${made.body.datasetId}/versions/1`;
    const version = await call('GET', base, { as: alice });
    // Counts over the 8 training texts: great ×7, dull ×6, "." ×5, film ×3, then words twice; the top four are kept.
    expect(version.body.meta).toMatchObject({
      kind: 'text',
      task: 'text-classification',
      featureShape: [5],
      classes: ['bad', 'good'],
      counts: { train: 8, validation: 0, test: 0 },
      text: {
        column: 'review',
        encoding: { tokenizer: 'words-v1', vocabulary: ['<pad>', '<oov>', 'great', 'dull', '.', 'film'], length: 5 },
      },
    });
    expect(version.body.meta.text.truncated).toBe(4);
    const meta = await call('GET', `${base}/meta`, { as: alice });
    expect(meta.body.text.vocabulary).toHaveLength(6);
    const batch = await fetchBatch(alice, `${base}/batches?split=train&offset=0&limit=20`);
    expect(batch.shape).toEqual([5]);
    expect(batch.size).toBe(8);
    const rows = Array.from({ length: batch.size }, (_, i) => Array.from(batch.features.subarray(i * 5, i * 5 + 5)).join(' '));
    // "Dull and slow" → dull, <oov>, <oov>, padding; "dull dull dull" → three times dull.
    expect(rows).toContain('3 1 1 0 0');
    expect(rows).toContain('3 3 3 0 0');
    // "The film was great, truly great!" is cut after five tokens.
    expect(rows).toContain('1 5 1 2 1');
  });

  it('refuses a text upload whose text column does not exist, naming the columns', async () => {
    const made = await upload(alice, teamId, SMALL, { format: 'csv', options: { label: 'verdict', text: { column: 'body' } } });
    expect(made.status).toBe(400);
    expect(made.body.error.message).toBe('There is no text column "body"; the columns are "id", "review", "verdict".');
  });

  it('trains a text template on an uploaded text set and predicts typed text through the route', async () => {
    const made = await upload(alice, teamId, austenCsv(2), {
      name: 'Austen',
      format: 'csv',
      options: { label: 'novel', text: { vocabularySize: 3000 } },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const version = await call('GET', `/api/datasets/${made.body.datasetId}/versions/1`, { as: alice });
    const { encoding, lengths } = version.body.meta.text;
    expect(encoding.length % 8).toBe(0);
    expect(lengths.counts.reduce((a: number, b: number) => a + b, 0)).toBe(version.body.meta.counts.train);
    expect(version.body.meta.classes).toEqual(['Emma', 'Persuasion', 'Pride & Prejudice']);

    const source = await openBatchSource({ datasetVersionId: version.body.id });
    expect(source.text?.vocabulary).toEqual(encoding.vocabulary);
    // The same upload gives the same samples in either database, so one training serves both runs of this test.
    trained ??= trainOn(source);
    const artifacts = await trained;

    const projectId = await projectWithTemplate(alice, 'conv1d-text');
    const created = await call('POST', `/api/projects/${projectId}/runs`, {
      as: alice,
      body: { versionNumber: 1, dataset: { datasetVersionId: version.body.id }, place: 'browser', backend: 'webgl', settings: {} },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const runId = created.body.id;
    const uploaded = await putWeights(alice, runId, artifacts['weights.bin'] as Uint8Array);
    const json = artifacts['model.json'] as { modelTopology: unknown; weightsManifest: { weights: unknown[] }[] };
    const finished = await call('POST', `/api/runs/${runId}/finish`, {
      as: alice,
      body: {
        status: 'completed',
        weights: { hash: uploaded.body.hash, modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0]?.weights },
      },
    });
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);

    const texts = [
      'Elizabeth said to Mr. Darcy that Jane and Mr. Bingley, Lydia and Mrs. Bennet were at Longbourn.',
      'Emma told Mr. Knightley that Harriet and Mr. Weston were at Hartfield, with Mr. Woodhouse.',
      'Anne told Captain Wentworth that Lady Russell, Mary and the Musgroves were at Uppercross.',
      'Zyxwv qwrtp!',
    ];
    const answer = await call('POST', `/api/runs/${runId}/predict?top=3`, { as: alice, body: { texts } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ task: 'text-classification', input: { kind: 'text', featureShape: [encoding.length] } });
    expect(answer.body.predictions).toHaveLength(4);
    for (const p of answer.body.predictions) {
      expect(p.top).toHaveLength(3);
      expect(p.top.reduce((s: number, c: { probability: number }) => s + c.probability, 0)).toBeCloseTo(1, 4);
    }
    // Names of each novel's people and places decide it after four epochs.
    expect(answer.body.predictions.slice(0, 3).map((p: { label: string }) => p.label)).toEqual(['Pride & Prejudice', 'Emma', 'Persuasion']);
    expect(answer.body.texts[3]).toEqual({ tokens: 3, unknown: 2, truncated: 0 });

    const rows = await call('POST', `/api/runs/${runId}/predict`, { as: alice, body: { rows: [[1, 2]] } });
    expect(rows.status).toBe(400);
    const empty = await call('POST', `/api/runs/${runId}/predict`, { as: alice, body: { texts: [] } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error), JSON.stringify(empty.body)).toContain('Send at least one text.');
  }, 120_000);
});
