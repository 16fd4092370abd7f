/**
 * Training speed of a small CNN on the `cpu` backend and on `wasm` with NetCanvas's gradient kernels.
 *
 *   npx tsx bench/wasm-conv.ts [--batches-cpu 4] [--batches-wasm 40]
 *
 * Model: 28×28×1 → conv 3×3×8 relu → max-pool 2 → conv 3×3×16 relu → max-pool 2 → dense 10 softmax,
 * Adam, batch 64, random data. Each backend gets one untimed warm-up batch.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { type BackendProbe, measureBackends } from '../engine/backends';

const BATCH = 64;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const smallCnn: BackendProbe = () => {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  const xs = tf.randomUniform([BATCH, 28, 28, 1]);
  const ys = tf.tidy(() => tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32') as tf.Tensor1D, 10));
  return {
    samplesPerStep: BATCH,
    step: () => model.trainOnBatch(xs, ys),
    dispose: () => {
      model.dispose();
      tf.dispose([xs, ys]);
    },
  };
};

async function main() {
  const figures = [];
  // Measured one backend at a time so each gets its own step budget.
  for (const [backend, steps] of [
    ['cpu', argument('--batches-cpu', 4)],
    ['wasm', argument('--batches-wasm', 40)],
  ] as const) {
    const {
      figures: [f],
    } = await measureBackends(tf, [backend], smallCnn, { warmupSteps: 1, minSteps: steps, minMs: 0, maxMs: Infinity });
    if (f?.error) throw new Error(`${backend}: ${f.error}`);
    figures.push(f!);
  }
  console.log(`small CNN, batch ${BATCH}, trainOnBatch (Node ${process.version})`);
  for (const f of figures) {
    console.log(
      `${f.backend.padEnd(5)} ${f.samplesPerSecond.toFixed(0).padStart(6)} samples/s  ${f.msPerStep.toFixed(1).padStart(7)} ms/batch  (${f.steps} batches, warm-up ${f.warmupMs.toFixed(0)} ms)`,
    );
  }
  const [cpu, wasm] = figures;
  console.log(`wasm / cpu: ${(wasm!.samplesPerSecond / cpu!.samplesPerSecond).toFixed(1)}×`);
}

await main();
