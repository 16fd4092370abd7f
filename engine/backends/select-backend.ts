import type { Tf } from './kernels/composed-kernel';
import { convTrainProbe } from './train-probe';
import { registerWasmGradientKernels } from './wasm-gradients';

/**
 * The TF.js backends NetCanvas trains on, in the order a browser measures them. WebGPU is a
 * candidate only where its package is loaded (the browser's training worker) and the browser has
 * an adapter; it is used only when it measures fastest on the model's own training step, which also
 * fails, and so rules it out, when one of the model's kernels is missing there.
 */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** Fastest first on typical hardware; only a measurement can tell for a given machine. */
export const DEFAULT_BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/**
 * Activates the first backend in `preferred` whose package is loaded and that initialises. For
 * `wasm` it also registers the training kernels that backend lacks. Where the wasm binary comes from
 * is the caller's business: in Node the package finds its `.wasm` file; in a browser call
 * `setWasmPaths` before this.
 *
 * @returns The backend now active.
 * @throws When none of `preferred` can be initialised.
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import '@tensorflow/tfjs-backend-wasm';
 * const name = await initBackend(tf, ['wasm', 'cpu']); // 'wasm'
 */
export async function initBackend(tf: Tf, preferred: readonly BackendName[] = DEFAULT_BACKEND_ORDER): Promise<BackendName> {
  const failed: string[] = [];
  for (const name of preferred) {
    if (await activate(tf, name)) return name;
    failed.push(name);
  }
  throw new Error(`No TF.js backend could be initialised (tried ${failed.join(', ') || 'none'}).`);
}

/** Sets `name` as the active backend if its package is loaded and it initialises; never throws. */
async function activate(tf: Tf, name: BackendName): Promise<boolean> {
  if (tf.findBackendFactory(name) == null) return false;
  if (name === 'wasm') registerWasmGradientKernels(tf);
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** One training step of a fixed workload, prepared on the active backend by a {@link BackendProbe}. */
export interface ProbeSession {
  /** How many training samples one step processes. */
  samplesPerStep: number;
  /** Runs one step and resolves once its results are computed (e.g. after `await loss.data()`). */
  step(): Promise<unknown> | unknown;
  /** Frees the probe's tensors and variables. */
  dispose(): void;
}

/** Builds the benchmark workload (model, batch, optimizer) on whichever backend is active. */
export type BackendProbe = (tf: Tf) => ProbeSession | Promise<ProbeSession>;

/** How long to measure each backend. */
export interface MeasureOptions {
  /** Untimed steps first: the first WebGL step compiles shaders, the first wasm step packs weights. */
  warmupSteps?: number;
  /** Timed steps at least … */
  minSteps?: number;
  /** … and for at least this long (ms), unless `maxMs` is reached first. */
  minMs?: number;
  /** Stop timing a backend after this long (ms), once it has done one timed step. */
  maxMs?: number;
  /**
   * Stop timing a backend, after one timed step, once it runs this many times slower than the best
   * candidate measured before it: its rank is settled, and a slow cpu should not hold up start-up.
   */
  giveUpFactor?: number;
  /** Told when a candidate's measurement begins (no figures yet) and when it ends (its figures), to show progress. */
  onProgress?: (progress: MeasureProgress) => void;
}

/** Which candidate is being measured, of how many; `figures` once it is done. */
export interface MeasureProgress {
  backend: BackendName;
  index: number;
  count: number;
  figures?: BackendFigures;
}

/** What one backend achieved, or why it could not run the probe. */
export interface BackendFigures {
  backend: BackendName;
  /** Training samples per second over the timed steps; 0 when the backend failed. */
  samplesPerSecond: number;
  msPerStep: number;
  steps: number;
  /** Time of the untimed warm-up steps, shader compilation included (ms). */
  warmupMs: number;
  /** Why the backend was skipped: not loaded, failed to initialise, or the probe threw. */
  error?: string;
}

export interface BackendChoice {
  /** The fastest backend, left active (with wasm's training kernels registered if it is wasm). */
  backend: BackendName;
  /** One entry per candidate, in the order given. */
  figures: BackendFigures[];
}

/**
 * Picks a backend by timing a small training step on each candidate, not by its name: software
 * WebGL can be ten times slower than wasm, a real GPU ten times faster. Candidates that are not
 * loaded, fail to initialise or throw in the probe are reported and skipped. The winner is left
 * active.
 *
 * @param probe The workload; defaults to {@link convTrainProbe}, a small CNN's SGD step.
 * @throws When no candidate could run the probe.
 * @example
 * const { backend, figures } = await measureBackends(tf, ['webgl', 'wasm', 'cpu']);
 * // e.g. 'wasm' on a machine with software WebGL; figures holds samples/s for each candidate
 */
export async function measureBackends(
  tf: Tf,
  candidates: readonly BackendName[] = DEFAULT_BACKEND_ORDER,
  probe: BackendProbe = convTrainProbe(),
  options: MeasureOptions = {},
): Promise<BackendChoice> {
  const figures: BackendFigures[] = [];
  for (const [index, backend] of candidates.entries()) {
    const best = Math.max(0, ...figures.map((f) => f.samplesPerSecond));
    options.onProgress?.({ backend, index, count: candidates.length });
    const measured = await measureOne(tf, backend, probe, options, best);
    figures.push(measured);
    options.onProgress?.({ backend, index, count: candidates.length, figures: measured });
  }
  const ran = figures.filter((f) => f.error === undefined);
  if (ran.length === 0) {
    throw new Error(`No TF.js backend could run the probe: ${figures.map((f) => `${f.backend}: ${f.error}`).join('; ')}`);
  }
  const best = ran.reduce((a, b) => (b.samplesPerSecond > a.samplesPerSecond ? b : a));
  await activate(tf, best.backend);
  return { backend: best.backend, figures };
}

async function measureOne(
  tf: Tf,
  backend: BackendName,
  probe: BackendProbe,
  options: MeasureOptions,
  best: number,
): Promise<BackendFigures> {
  const { warmupSteps = 1, minSteps = 3, minMs = 300, maxMs = 3_000, giveUpFactor = 4 } = options;
  const failure = (error: string): BackendFigures => ({ backend, samplesPerSecond: 0, msPerStep: 0, steps: 0, warmupMs: 0, error });
  if (tf.findBackendFactory(backend) == null) return failure('not loaded (its package was not imported)');
  if (!(await activate(tf, backend))) return failure('failed to initialise');

  let session: ProbeSession | undefined;
  try {
    session = await probe(tf);
    const warmStart = tf.util.now();
    for (let i = 0; i < warmupSteps; i++) await session.step();
    const warmupMs = tf.util.now() - warmStart;

    const start = tf.util.now();
    let steps = 0;
    let elapsed = 0;
    const rate = () => (steps * session!.samplesPerStep * 1000) / elapsed;
    while (steps < 1 || (elapsed < maxMs && (steps < minSteps || elapsed < minMs) && rate() * giveUpFactor > best)) {
      await session.step();
      steps++;
      elapsed = tf.util.now() - start;
    }
    return { backend, samplesPerSecond: rate(), msPerStep: elapsed / steps, steps, warmupMs };
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error));
  } finally {
    session?.dispose();
  }
}
