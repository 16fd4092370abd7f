/**
 * Training speed of a small CNN on the `cpu` backend and on `wasm` with NetCanvas's gradient kernels.
 *
 *   npx tsx bench/wasm-conv.ts [--batches-cpu 4] [--batches-wasm 40]
 *
 * Model: 28×28×1 → conv 3×3×8 relu → max-pool 2 → conv 3×3×16 relu → max-pool 2 → dense 10 softmax,
 * Adam, batch 64, random data. Each backend gets one untimed warm-up batch. The last row also swaps
 * wasm's own Conv2DBackpropInput (a plain loop) for the composed one.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { type BackendFigures, type BackendProbe, measureBackends, registerWasmGradientKernels } from '../engine/backends';

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

async function measure(backend: 'cpu' | 'wasm', steps: number) {
  // One backend per call, so each gets its own step budget.
  const {
    figures: [f],
  } = await measureBackends(tf, [backend], smallCnn, { warmupSteps: 1, minSteps: steps, minMs: 0, maxMs: Number.POSITIVE_INFINITY });
  if (f?.error) throw new Error(`${backend}: ${f.error}`);
  return f!;
}

async function main() {
  const wasmSteps = argument('--batches-wasm', 40);
  const rows: [string, BackendFigures][] = [
    ['cpu', await measure('cpu', argument('--batches-cpu', 4))],
    ['wasm + missing kernels', await measure('wasm', wasmSteps)],
  ];
  registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
  rows.push(['wasm + missing kernels + composed Conv2DBackpropInput', await measure('wasm', wasmSteps)]);

  console.log(`small CNN, batch ${BATCH}, trainOnBatch (Node ${process.version})`);
  const cpu = rows[0]![1].samplesPerSecond;
  for (const [label, f] of rows) {
    const ratio = f.samplesPerSecond / cpu;
    console.log(
      `${label.padEnd(54)} ${f.samplesPerSecond.toFixed(0).padStart(6)} samples/s ${f.msPerStep.toFixed(1).padStart(8)} ms/batch  ${ratio.toFixed(1).padStart(5)}× cpu  (${f.steps} batches)`,
    );
  }
}
await main();
