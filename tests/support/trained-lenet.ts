import { nodeTf } from '../../engine/backends/node-tf';
import { inMemoryBatchSource } from '../../engine/data/batch-source';
import { loadDigits } from '../../engine/data/builtins/digits';
import { templateGraph } from '../../engine/templates';
import { runJob } from '../../engine/train/run-job';

/**
 * LeNet-5 trained for two epochs on the first 1,500 built-in digits with the engine's run driver
 * (a few seconds in Node, where the browser would take minutes on software WebGL): the files a
 * page uploads when it finishes a run.
 */
export async function trainedLenet(): Promise<{
  bytes: Uint8Array;
  modelTopology: Record<string, unknown>;
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  accuracy: number;
}> {
  const tf = await nodeTf();
  const digits = await loadDigits();
  const n = 1500;
  const width = digits.featureShape.reduce((a, b) => a * b, 1);
  const small = {
    ...digits,
    features: digits.features.slice(0, n * width),
    labels: digits.labels.slice(0, n),
    split: Uint8Array.from({ length: n }, (_, i) => (i % 10 === 9 ? 2 : i % 10 === 8 ? 1 : 0)),
  };
  const doc = templateGraph('lenet5');
  if (!doc) throw new Error('no LeNet template');
  const result = await runJob(
    tf,
    doc,
    { training: { epochs: 2, batchSize: 64, seed: 1 } },
    { source: inMemoryBatchSource(small), evaluation: false },
  );
  if (!result.ok || !result.artifacts) throw new Error(result.ok ? 'no artifacts' : result.problem);
  return {
    bytes: result.artifacts.weightData,
    modelTopology: result.artifacts.modelTopology,
    weightSpecs: result.artifacts.weightSpecs,
    accuracy: result.finalMetrics.accuracy ?? 0,
  };
}
