import type * as tfjs from '@tensorflow/tfjs';
import { nodeTf } from '@/engine/backends/node-tf';
import type { DatasetMeta } from '@/engine/data/meta';
import { fitInput } from '@/engine/features/fit-input';
import type { Caller } from '@/server/auth/caller';
import { countInWindow } from '@/server/auth/window-counter';
import { featurePredictor } from '@/server/features/feature-predictor';
import { runKind } from '@/server/features/run-kind';
import { ApiError, badRequest } from '@/server/http/errors';
import { readPredictInput } from '@/server/predict/predict-input';
import { runModel } from '@/server/predict/run-model';
import type { Predictions } from '@/server/predict/schemas';

/** Predict requests per caller per minute (`NETCANVAS_PREDICT_PER_MINUTE`), shared by every server process. */
function perMinute(): number {
  return Number(process.env.NETCANVAS_PREDICT_PER_MINUTE ?? 120);
}

/**
 * Classifies the request's rows or image with the run's network (or, for a feature-extraction run,
 * its base network's features and its classifier), in the server process: top-k
 * classes with probabilities for classification runs, the predicted values otherwise.
 */
export async function predictRun(caller: Caller, runId: string, request: Request, top: number): Promise<Predictions> {
  const limit = await countInWindow(`predict:${caller.userId}`, { max: perMinute(), windowMs: 60_000 });
  if (!limit.allowed) {
    throw new ApiError(
      'rate_limited',
      `Too many predictions: at most ${perMinute()} requests a minute. Try again in ${limit.retryAfter} s.`,
      {
        retryAfter: limit.retryAfter,
      },
    );
  }
  const { meta, values, texts } =
    (await runKind(runId)) === 'features' ? await predictWithFeatures(runId, request) : await predictWithNetwork(runId, request);
  const classes = meta.task === 'classification' || meta.task === 'text-classification' ? meta.classes : null;
  return {
    runId,
    task: meta.task,
    input: { kind: meta.kind, featureShape: meta.featureShape },
    classes,
    predictions: values.map((row) => (classes ? classify(row, classes, top) : { values: row })),
    ...(texts ? { texts } : {}),
  };
}

/** A model's outputs, one row per sample, with the texts as read when the input was typed text. */
type Outputs = { meta: DatasetMeta; values: number[][]; texts?: Predictions['texts'] };

/** The network's outputs for the request's samples, one row each. */
async function predictWithNetwork(runId: string, request: Request): Promise<Outputs> {
  const { model, meta } = await runModel(runId);
  const input = await readPredictInput(request, meta);
  const tf = await nodeTf();
  // A run trained with "Fit images" (a pretrained backbone on small or grey images) took its
  // dataset's images resized to the network's input; predictions get the same.
  const fit = fitInput(meta.featureShape, model.inputs[0]?.shape.slice(1) ?? []);
  if (!fit.ok) throw badRequest(`This run's network no longer takes its dataset's samples: ${fit.problem}`);
  const outputs = tf.tidy(() => {
    const x = fit.adapt(tf, tf.tensor(input.features, [input.count, ...meta.featureShape], 'float32'));
    const y = model.predict(x) as tfjs.Tensor | tfjs.Tensor[];
    const first = Array.isArray(y) ? (y[0] as tfjs.Tensor) : y;
    return first.reshape([input.count, -1]);
  });
  const values = (await outputs.array()) as number[][];
  outputs.dispose();
  return { meta, values, ...(input.texts ? { texts: input.texts } : {}) };
}

/** A feature-extraction run's class probabilities: the base network's features, then the classifier. */
async function predictWithFeatures(runId: string, request: Request): Promise<Outputs> {
  const predictor = await featurePredictor(runId);
  const input = await readPredictInput(request, predictor.meta);
  return { meta: predictor.meta, values: predictor.probabilities(input.features, input.count) };
}

/** Top-k classes. A network that ends without softmax gives scores, turned into probabilities here. */
function classify(row: number[], classes: string[], top: number): { label: string; top: { label: string; probability: number }[] } {
  const sum = row.reduce((a, b) => a + b, 0);
  const isDistribution = row.every((v) => v >= 0) && Math.abs(sum - 1) < 1e-3;
  const probabilities = isDistribution ? row : softmax(row);
  const ranked = probabilities
    .map((probability, i) => ({ label: classes[i] ?? `class ${i}`, probability }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, top);
  return { label: ranked[0]?.label ?? '', top: ranked };
}

function softmax(row: number[]): number[] {
  const max = Math.max(...row);
  const exp = row.map((v) => Math.exp(v - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / total);
}
