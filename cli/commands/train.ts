import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { analyse } from '../../engine/analysis/analyse';
import { nodeTf } from '../../engine/backends/node-tf';
import { inMemoryBatchSource } from '../../engine/data/batch-source';
import { hasErrors } from '../../engine/diagnostics';
import { encodeWeightsFile, namedWeightsOf } from '../../engine/export/weights-file';
import { evaluateSource, prefixed } from '../../engine/train/evaluate-source';
import { withValidationSplit } from '../../engine/train/hold-out';
import { disposeModel, prepareModel } from '../../engine/train/prepare-model';
import { resolveSettings } from '../../engine/train/resolve-settings';
import { targetShapeOf, trainFromSource } from '../../engine/train/train-stream';
import { loadDataset } from '../datasets';
import { EXIT } from '../errors';
import { formatDiagnostic } from '../format';
import { loadGraph } from '../load-graph';

interface TrainFlags {
  json: boolean;
  epochs?: number;
  batchSize?: number;
  seed?: number;
  saveWeights?: string;
}

/**
 * `netcanvas train GRAPH --data DATASET`: the same training as a server worker runs — settings
 * resolved from the graph and the dataset, batches streamed from a BatchSource, validation on the
 * dataset's own split (or `validationSplit` of the training samples), keep-best and early stopping —
 * on TF.js's wasm backend. Progress on stderr, final metrics on stdout (`--json`: `epochs`, `loss`,
 * `accuracy`, `valLoss`, `valAccuracy`, `testLoss`, `testAccuracy`, …).
 */
export async function trainCommand(graphArg: string, dataArg: string, flags: TrainFlags): Promise<number> {
  const loaded = await loadGraph(graphArg);
  const loadedData = await loadDataset(dataArg, flags.seed);
  const overrides = {
    ...(flags.epochs ? { epochs: flags.epochs } : {}),
    ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  };
  const resolved = resolveSettings(loaded.doc, loadedData, overrides);
  for (const note of resolved.notes.filter((n) => n.field === 'model' || n.field === 'loss')) process.stderr.write(`note: ${note.text}\n`);
  const diagnostics = [...loaded.diagnostics, ...analyse(resolved.doc).diagnostics];
  if (resolved.problem || hasErrors(diagnostics)) {
    for (const d of diagnostics.filter((x) => x.severity === 'error')) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (resolved.problem) process.stderr.write(`netcanvas: ${resolved.problem}\n`);
    return EXIT.modelErrors;
  }
  const dataset = withValidationSplit(loadedData, resolved.config.validationSplit, resolved.config.seed ?? 1);
  const source = inMemoryBatchSource(dataset);
  const tf = await nodeTf();
  const prepared = prepareModel(tf, loaded.doc, source, overrides);
  if (!prepared.ok) {
    process.stderr.write(`netcanvas: ${prepared.problem}\n`);
    return EXIT.modelErrors;
  }
  const { model, config } = prepared;
  const counts = { train: source.count('train'), validation: source.count('validation'), test: source.count('test') };
  process.stderr.write(
    `Training ${resolved.doc.name ?? graphArg} on ${dataset.name} (${counts.train} train, ${counts.validation} validation, ${counts.test} test) with ${tf.getBackend()}\n`,
  );
  const started = performance.now();
  const outcome = await trainFromSource(tf, model, source, {
    config,
    onEpochEnd: (record) => {
      const figures = Object.entries(record.metrics)
        .map(([k, v]) => `${k} ${v.toFixed(4)}`)
        .join(' · ');
      process.stderr.write(`epoch ${record.epoch + 1}/${config.epochs}: ${figures} · ${Math.round(record.samplesPerSecond)} samples/s\n`);
    },
  });
  const wallTimeSeconds = (performance.now() - started) / 1000;
  // With keep-best the model holds the best epoch's weights, so those are the figures that describe it.
  const kept = (config.keepBest && outcome.epochs.find((e) => e.epoch === outcome.bestEpoch)) || outcome.epochs[outcome.epochs.length - 1];
  const result: Record<string, unknown> = {
    epochs: outcome.epochs.length,
    ...(kept?.metrics ?? {}),
    bestEpoch: outcome.bestEpoch === null ? null : outcome.bestEpoch + 1,
    stoppedEarly: outcome.stoppedEarly,
  };
  if (counts.test > 0) {
    const test = prefixed('test', await evaluateSource(tf, model, source, 'test', targetShapeOf(source, model, config), config.batchSize));
    result.testLoss = test.testLoss;
    if (test.testAccuracy !== undefined) result.testAccuracy = test.testAccuracy;
    for (const [k, v] of Object.entries(test)) if (!(k in result)) result[k] = v;
  }
  Object.assign(result, {
    wallTimeSeconds: Number(wallTimeSeconds.toFixed(3)),
    samplesPerSecond: Math.round(outcome.epochs.reduce((n, e) => n + e.samplesPerSecond, 0) / Math.max(outcome.epochs.length, 1)),
    backend: tf.getBackend(),
    dataset: dataset.name,
    trainSamples: counts.train,
  });
  if (flags.saveWeights) {
    const bin = `${basename(flags.saveWeights, '.json')}.bin`;
    const encoded = await encodeWeightsFile(tf, namedWeightsOf(model), bin);
    await writeFile(flags.saveWeights, `${JSON.stringify(encoded.json, null, 2)}\n`);
    await writeFile(join(dirname(flags.saveWeights), bin), encoded.data);
  }
  disposeModel(model);
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    process.stdout.write(
      `${Object.entries(result)
        .map(([k, v]) => `${k}: ${typeof v === 'number' ? Number(v.toFixed(4)) : v}`)
        .join('\n')}\n`,
    );
  return EXIT.ok;
}
