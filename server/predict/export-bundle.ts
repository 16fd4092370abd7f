import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { nodeTf } from '@/engine/backends/node-tf';
import { type DeployMetadata, deployMetadata, deployPage } from '@/engine/export/deploy-bundle';
import { proveTfjs } from '@/engine/export/proof/prove-tfjs';
import { sampleInputs } from '@/engine/export/proof/sample-inputs';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { db } from '@/server/db/client';
import { badRequest } from '@/server/http/errors';
import { runDatasetMeta } from '@/server/predict/run-input';
import { runModel } from '@/server/predict/run-model';
import { runModelJson, runWeights } from '@/server/training/run-weights';

/**
 * TF.js's browser build, shipped inside the zip so the page works without a CDN. Read from the
 * installed package under the working directory (the server, the tests and the CLI run from the
 * repository root; the bundled server has no `require.resolve` that gives a path).
 */
async function tfjsBrowserBuild(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.join(process.cwd(), 'node_modules/@tensorflow/tfjs/dist/tf.min.js')));
}

/** The zip's TF.js files reloaded from memory, predicting like the run's network on seeded samples. */
async function checkFiles(runId: string, modelJson: string, weights: Uint8Array): Promise<NonNullable<DeployMetadata['check']>> {
  const [tf, { model }] = await Promise.all([nodeTf(), runModel(runId)]);
  const proof = await proveTfjs(tf, model, { 'model.json': modelJson, 'weights.bin': weights }, sampleInputs(model));
  const { status, message, samples, maxAbsDiff, tolerance, problems } = proof;
  return { status, message, samples, maxAbsDiff, tolerance, problems };
}

/**
 * A run's network ready to deploy, as one zip: `model.json` + `weights.bin` (TF.js layers format),
 * `metadata.json` (labels, input size, preprocessing) and, for image classifiers, an `index.html`
 * that classifies an image with `tf.loadLayersModel`, plus the `tf.min.js` it loads. The zip's
 * TF.js files are reloaded and compared with the run's network first; `metadata.json` says how
 * that went (`check`), as the export dialog does.
 */
export async function exportBundle(runId: string): Promise<{ name: string; zip: Uint8Array }> {
  const { blobHash } = await runWeights(runId).catch(() => {
    throw badRequest('This run has no trained weights to export: export a run that finished training.');
  });
  const run = await db().trainingRun.findUniqueOrThrow({
    where: { id: runId },
    select: { versionNumber: true, project: { select: { name: true } } },
  });
  const name = `${run.project.name} v${run.versionNumber}`;
  const meta = await runDatasetMeta(runId);
  const modelJson = JSON.stringify(await runModelJson(runId), null, 1);
  const weights = await readBlobBytes(blobHash);
  const metadata = { ...deployMetadata(name, meta), check: await checkFiles(runId, modelJson, weights) };
  const files: Record<string, Uint8Array> = {
    'model.json': strToU8(modelJson),
    'weights.bin': weights,
    'metadata.json': strToU8(JSON.stringify(metadata, null, 2)),
  };
  if (metadata.preprocessing.kind === 'image' && meta.task === 'classification') {
    files['index.html'] = strToU8(deployPage(name));
    files['tf.min.js'] = await tfjsBrowserBuild();
  }
  return { name, zip: zipSync(files, { level: 6 }) };
}
