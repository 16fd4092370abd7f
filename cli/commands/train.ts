import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { analyse } from '../../engine/analysis/analyse';
import { nodeTf } from '../../engine/backends/node-tf';
import { inMemoryBatchSource } from '../../engine/data/batch-source';
import { hasErrors } from '../../engine/diagnostics';
import { encodeWeightsFile } from '../../engine/export/weights-file';
import { withValidationSplit } from '../../engine/train/hold-out';
import { resolveSettings } from '../../engine/train/resolve-settings';
import { runJob } from '../../engine/train/run-job';
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
 * `netcanvas train GRAPH --data DATASET`: the same training as a server worker runs — the engine's
 * run driver with the terminal as its host: batches from an in-memory BatchSource, validation on the
 * dataset's own split (or `validationSplit` of the training samples), keep-best and early stopping —
 * on TF.js's wasm backend. The settings are resolved first to print their notes and diagnostics. Progress on stderr, final metrics on stdout (`--json`: `epochs`, `loss`,
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
  const counts = { train: source.count('train'), validation: source.count('validation'), test: source.count('test') };
  process.stderr.write(
    `Training ${resolved.doc.name ?? graphArg} on ${dataset.name} (${counts.train} train, ${counts.validation} validation, ${counts.test} test) with ${tf.getBackend()}\n`,
  );
  const started = performance.now();
  let totalEpochs = 0;
  const job = await runJob(
    tf,
    loaded.doc,
    { training: overrides },
    {
      source,
      evaluation: false,
      progress: {
        started: (start) => {
          totalEpochs = start.config.epochs;
        },
        epoch: (record) => {
          const figures = Object.entries(record.metrics)
            .map(([k, v]) => `${k} ${v.toFixed(4)}`)
            .join(' · ');
          process.stderr.write(`epoch ${record.epoch + 1}/${totalEpochs}: ${figures} · ${Math.round(record.samplesPerSecond)} samples/s\n`);
        },
      },
    },
  );
  if (!job.ok) {
    process.stderr.write(`netcanvas: ${job.problem}\n`);
    return EXIT.modelErrors;
  }
  const wallTimeSeconds = (performance.now() - started) / 1000;
  const { samplesPerSecond, ...figures } = job.finalMetrics;
  const result: Record<string, unknown> = {
    ...figures,
    bestEpoch: figures.bestEpoch ?? null,
    stoppedEarly: job.stoppedEarly,
    wallTimeSeconds: Number(wallTimeSeconds.toFixed(3)),
    samplesPerSecond: Math.round(samplesPerSecond ?? 0),
    backend: tf.getBackend(),
    dataset: dataset.name,
    trainSamples: counts.train,
  };
  if (flags.saveWeights && job.artifacts) {
    const { weightSpecs, weightData } = job.artifacts;
    const tensors = tf.io.decodeWeights(weightData.slice().buffer, weightSpecs as Parameters<typeof tf.io.decodeWeights>[1]);
    const bin = `${basename(flags.saveWeights, '.json')}.bin`;
    const encoded = await encodeWeightsFile(tf, tensors, bin);
    tf.dispose(Object.values(tensors));
    await writeFile(flags.saveWeights, `${JSON.stringify(encoded.json, null, 2)}\n`);
    await writeFile(join(dirname(flags.saveWeights), bin), encoded.data);
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    process.stdout.write(
      `${Object.entries(result)
        .map(([k, v]) => `${k}: ${typeof v === 'number' ? Number(v.toFixed(4)) : v}`)
        .join('\n')}\n`,
    );
  return EXIT.ok;
}
