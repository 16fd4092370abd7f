import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';

/** What one layer costs for one batch on the backend it was timed on. */
export interface LayerProfile {
  /** The TF.js layer's name (the analysis's stable name of its node). */
  layer: string;
  /** The graph node the layer was built from, when the caller passed `layerNodes`. */
  nodeId: string | null;
  /** The TF.js class, e.g. `Conv2D`. */
  className: string;
  /** Median milliseconds of the layer's forward pass over one batch. */
  forwardMs: number;
  /** Median milliseconds of its backward pass (gradients of its input and weights), over one batch. */
  backwardMs: number;
  /** Bytes of the layer's output for the whole batch (float32). */
  activationBytes: number;
  /** Bytes of the layer's weights. */
  weightBytes: number;
}

export interface ProfileOptions {
  /** Samples per batch. */
  batchSize: number;
  /** Timed repeats per layer (after one warm-up); the median is kept. */
  batches: number;
  /** Layer name → graph node id, as a compiled model records it (engine/train/node-weights.ts). */
  layerNodes?: Record<string, string>;
  /** Seed of the random input, so two profiles of one design see the same numbers. */
  seed?: number;
  /** Called before each layer is timed: `index` counts from 1. */
  onLayer?(progress: { index: number; count: number; layer: string }): void;
}

/** One application of a layer in the model: its input and output tensors. */
interface Step {
  layer: tfjs.layers.Layer;
  inputs: tfjs.SymbolicTensor[];
  outputs: tfjs.SymbolicTensor[];
}

const now = (tf: Tf) => tf.util.now();

/**
 * Times every layer of a model, one at a time, on the real activations of the layers before it.
 *
 * Method: a seeded random batch of the model's input shape is passed through the network layer by
 * layer; each layer is `apply()`d on its own to the concrete output of its predecessors. The forward
 * time is from the call until its output's data is read back (`await data()`, which waits for an
 * asynchronous backend such as webgl to finish). The backward time is the time of the gradients of
 * the sum of the output with respect to the layer's input and trainable weights (what backpropagation
 * computes for this layer, with a gradient of ones arriving from above), less the forward time that
 * measurement includes. One warm-up run first (kernel compilation, allocation), then the median of
 * `batches` repeats. Timing layers apart adds one read-back per layer, so the figures sum to a little
 * more than a whole pass; the shares between layers are what they are meant to show.
 *
 * @example
 * const rows = await profileLayers(tf, model, { batchSize: 8, batches: 3, layerNodes });
 * rows.reduce((a, b) => (b.forwardMs > a.forwardMs ? b : a)).layer; // the slowest forward layer
 */
export async function profileLayers(tf: Tf, model: tfjs.LayersModel, options: ProfileOptions): Promise<LayerProfile[]> {
  const batch = Math.max(1, Math.floor(options.batchSize));
  const repeats = Math.max(1, Math.floor(options.batches));
  const live = new Map<number, tfjs.Tensor>();
  const uses = new Map<number, number>();
  const steps = applications(model);
  for (const step of steps) for (const t of step.inputs) uses.set(t.id, (uses.get(t.id) ?? 0) + 1);
  model.inputs.forEach((input, i) => {
    live.set(input.id, randomInput(tf, input, batch, (options.seed ?? 1) + i));
  });
  const results = new Map<string, LayerProfile>();
  const names = [...new Set(steps.map((s) => s.layer.name))];
  try {
    for (const step of ordered(steps, new Set(live.keys()))) {
      const name = step.layer.name;
      options.onLayer?.({ index: names.indexOf(name) + 1, count: names.length, layer: name });
      const inputs = step.inputs.map((t) => live.get(t.id) as tfjs.Tensor);
      const timed = await timeStep(tf, step.layer, inputs, repeats);
      step.outputs.forEach((t, i) => {
        live.set(t.id, timed.outputs[i] as tfjs.Tensor);
      });
      for (const t of step.inputs) release(live, uses, t.id);
      const before = results.get(name);
      // A layer shared by several nodes is timed at each use; its figures add up.
      results.set(name, {
        layer: name,
        nodeId: options.layerNodes?.[name] ?? null,
        className: step.layer.getClassName(),
        forwardMs: (before?.forwardMs ?? 0) + timed.forwardMs,
        backwardMs: (before?.backwardMs ?? 0) + timed.backwardMs,
        activationBytes: (before?.activationBytes ?? 0) + timed.outputs.reduce((n, t) => n + t.size * 4, 0),
        weightBytes: step.layer.weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1) * 4, 0),
      });
    }
  } finally {
    for (const t of live.values()) t.dispose();
  }
  return names.map((n) => results.get(n) as LayerProfile);
}

/** Every application of every computing layer, in the model's order. */
function applications(model: tfjs.LayersModel): Step[] {
  const steps: Step[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    for (const node of layer.inboundNodes) {
      steps.push({ layer, inputs: node.inputTensors, outputs: node.outputTensors });
    }
  }
  return steps;
}

/** The steps whose inputs can be computed, each after the ones it reads (a shared layer's later use may come later). */
function ordered(steps: Step[], known: Set<number>): Step[] {
  const pending = [...steps];
  const out: Step[] = [];
  while (pending.length > 0) {
    const i = pending.findIndex((s) => s.inputs.every((t) => known.has(t.id)));
    if (i < 0) break; // The rest belongs to another model sharing these layers.
    const [step] = pending.splice(i, 1) as [Step];
    for (const t of step.outputs) known.add(t.id);
    out.push(step);
  }
  return out;
}

function release(live: Map<number, tfjs.Tensor>, uses: Map<number, number>, id: number): void {
  const left = (uses.get(id) ?? 1) - 1;
  uses.set(id, left);
  if (left <= 0) {
    live.get(id)?.dispose();
    live.delete(id);
  }
}

/** Uniform values in [0, 1) for a float input; zeros (a valid index for any embedding) for an integer one. */
function randomInput(tf: Tf, input: tfjs.SymbolicTensor, batch: number, seed: number): tfjs.Tensor {
  const shape = [batch, ...input.shape.slice(1).map((d) => d ?? 1)];
  if (input.dtype === 'int32') return tf.zeros(shape, 'int32');
  return tf.randomUniform(shape, 0, 1, 'float32', seed);
}

interface Timed {
  forwardMs: number;
  backwardMs: number;
  /** The layer's outputs, kept for the layers after it. */
  outputs: tfjs.Tensor[];
}

async function timeStep(tf: Tf, layer: tfjs.layers.Layer, inputs: tfjs.Tensor[], repeats: number): Promise<Timed> {
  const arg = inputs.length === 1 ? (inputs[0] as tfjs.Tensor) : inputs;
  const forward = () => {
    const out = layer.apply(arg) as tfjs.Tensor | tfjs.Tensor[];
    return Array.isArray(out) ? out : [out];
  };
  const forwardTimes: number[] = [];
  let outputs: tfjs.Tensor[] = [];
  for (let r = 0; r <= repeats; r++) {
    for (const t of outputs) t.dispose();
    const started = now(tf);
    outputs = tf.tidy(forward);
    await Promise.all(outputs.map((t) => t.data()));
    if (r > 0) forwardTimes.push(now(tf) - started);
  }
  const fullTimes = await timeGradients(tf, layer, inputs, repeats);
  const forwardMs = median(forwardTimes);
  return { forwardMs, backwardMs: fullTimes === null ? 0 : Math.max(0, median(fullTimes) - forwardMs), outputs };
}

/** The time of forward + gradients per repeat, or null when nothing in the layer has a gradient (integer inputs, no weights). */
async function timeGradients(tf: Tf, layer: tfjs.layers.Layer, inputs: tfjs.Tensor[], repeats: number): Promise<number[] | null> {
  const weights = layer.trainableWeights.map((w) => w.read() as tfjs.Variable);
  const floats = inputs.filter((t) => t.dtype === 'float32');
  if (floats.length === 0 && weights.length === 0) return null;
  // Only the float inputs get a gradient; integer ones (token ids) pass through unchanged.
  const xs = floats.map((t) => tf.variable(t, true));
  const args = inputs.map((t) => {
    const i = floats.indexOf(t);
    return i < 0 ? t : (xs[i] as tfjs.Variable);
  });
  const loss = () => {
    const out = layer.apply(args.length === 1 ? (args[0] as tfjs.Tensor) : args) as tfjs.Tensor | tfjs.Tensor[];
    const list = Array.isArray(out) ? out : [out];
    return tf.addN(list.map((t) => tf.sum(t.toFloat()))) as tfjs.Scalar;
  };
  const times: number[] = [];
  try {
    for (let r = 0; r <= repeats; r++) {
      const started = now(tf);
      const { value, grads } = tf.variableGrads(loss, [...xs, ...weights]);
      const all = Object.values(grads);
      await Promise.all(all.map((g) => g.data()));
      if (r > 0) times.push(now(tf) - started);
      value.dispose();
      tf.dispose(all);
    }
  } finally {
    for (const x of xs) x.dispose();
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
