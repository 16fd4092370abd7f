import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { analyse } from '../../engine/analysis/analyse';
import { compileGraph } from '../../engine/compile/compile';
import { SPLIT } from '../../engine/data/dataset';
import { hasErrors } from '../../engine/diagnostics';
import { encodeWeightsFile, namedWeightsOf } from '../../engine/export/weights-file';
import { TrainingConfigSchema } from '../../engine/graph/training-config';
import { splitTensors } from '../../engine/train/dataset-tensors';
import { fitGraphToDataset } from '../../engine/train/fit-to-dataset';
import { compileForTraining, trainModel } from '../../engine/train/train-model';
import { loadDataset } from '../datasets';
import { EXIT } from '../errors';
import { formatDiagnostic } from '../format';
import { loadGraph } from '../load-graph';
import { loadTf } from '../tf';

interface TrainFlags {
  json: boolean;
  epochs?: number;
  batchSize?: number;
  seed?: number;
  saveWeights?: string;
}

/** `netcanvas train GRAPH --data DATASET`: progress on stderr, final metrics on stdout. */
export async function trainCommand(graphArg: string, dataArg: string, flags: TrainFlags): Promise<number> {
  const loaded = await loadGraph(graphArg);
  const dataset = await loadDataset(dataArg, flags.seed);
  const fitted = fitGraphToDataset(loaded.doc, dataset);
  for (const change of fitted.changes) process.stderr.write(`note: ${change}\n`);
  const analysis = analyse(fitted.doc);
  const diagnostics = [...loaded.diagnostics, ...analysis.diagnostics];
  if (fitted.problem || hasErrors(diagnostics)) {
    for (const d of diagnostics.filter((x) => x.severity === 'error')) process.stderr.write(`${formatDiagnostic(d)}\n`);
    if (fitted.problem) process.stderr.write(`netcanvas: ${fitted.problem}\n`);
    return EXIT.modelErrors;
  }
  const config = TrainingConfigSchema.parse({
    ...fitted.doc.training,
    ...(flags.epochs ? { epochs: flags.epochs } : {}),
    ...(flags.batchSize ? { batchSize: flags.batchSize } : {}),
  });
  const tf = await loadTf();
  const compiled = compileGraph(tf, fitted.doc, analysis);
  if (!compiled.ok) {
    for (const d of compiled.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return EXIT.modelErrors;
  }
  const classCount = dataset.classes?.length ?? 1;
  const train = splitTensors(tf, dataset, SPLIT.train, config.loss, classCount);
  const validation = splitTensors(tf, dataset, SPLIT.validation, config.loss, classCount);
  const test = splitTensors(tf, dataset, SPLIT.test, config.loss, classCount);
  if (!train) throw new Error(`${dataset.name} has no training samples`);
  process.stderr.write(
    `Training ${fitted.doc.name ?? graphArg} on ${dataset.name} (${train.count} train, ${validation?.count ?? 0} validation, ${test?.count ?? 0} test) with ${tf.getBackend()}\n`,
  );
  const started = performance.now();
  compileForTraining(tf, compiled.model, config);
  const outcome = await trainModel(
    tf,
    compiled.model,
    { x: train.x, y: train.y, ...(validation ? { validation: { x: validation.x, y: validation.y } } : {}) },
    {
      config,
      onEpochEnd: (record) => {
        const figures = Object.entries(record.metrics)
          .map(([k, v]) => `${k} ${v.toFixed(4)}`)
          .join(' · ');
        process.stderr.write(`epoch ${record.epoch + 1}/${config.epochs}: ${figures} · ${Math.round(record.samplesPerSecond)} samples/s\n`);
      },
    },
  );
  const wallTimeSeconds = (performance.now() - started) / 1000;
  // With keep-best the model holds the best epoch's weights, so those are the figures that describe it.
  const kept = (config.keepBest && outcome.epochs.find((e) => e.epoch === outcome.bestEpoch)) || outcome.epochs[outcome.epochs.length - 1];
  const last = kept?.metrics ?? {};
  const result: Record<string, unknown> = {
    epochs: outcome.epochs.length,
    ...last,
    bestEpoch: outcome.bestEpoch === null ? null : outcome.bestEpoch + 1,
    stoppedEarly: outcome.stoppedEarly,
  };
  if (test) {
    const evaluated = compiled.model.evaluate(test.x, test.y, { batchSize: config.batchSize });
    const values = (Array.isArray(evaluated) ? evaluated : [evaluated]).map((t) => t.dataSync()[0]);
    result.testLoss = values[0];
    if (config.metrics.includes('accuracy')) result.testAccuracy = values[1];
    tf.dispose(evaluated);
  }
  Object.assign(result, {
    wallTimeSeconds: Number(wallTimeSeconds.toFixed(3)),
    backend: tf.getBackend(),
    dataset: dataset.name,
    trainSamples: train.count,
  });
  if (flags.saveWeights) {
    const bin = `${basename(flags.saveWeights, '.json')}.bin`;
    const encoded = await encodeWeightsFile(tf, namedWeightsOf(compiled.model), bin);
    await writeFile(flags.saveWeights, `${JSON.stringify(encoded.json, null, 2)}\n`);
    await writeFile(join(dirname(flags.saveWeights), bin), encoded.data);
  }
  tf.dispose([train.x, train.y, ...(validation ? [validation.x, validation.y] : []), ...(test ? [test.x, test.y] : [])]);
  compiled.model.dispose();
  if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else
    process.stdout.write(
      `${Object.entries(result)
        .map(([k, v]) => `${k}: ${typeof v === 'number' ? Number(v.toFixed(4)) : v}`)
        .join('\n')}\n`,
    );
  return EXIT.ok;
}
