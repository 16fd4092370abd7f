import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';
import { FRESH_TRACKER, type TrackerState } from './train-stream';

type NamedTensor = { name: string; tensor: tfjs.Tensor };

/**
 * A training checkpoint as one self-describing byte string: `NCCK`, a little-endian u32 header
 * length, the header (JSON: epoch, keep-best state, weight specs) and the weight data — the model's
 * weights, the optimizer's state (Adam's moments and step count…) and, with keep-best, the best
 * epoch's weights when they differ from the model's. Restoring all three lets a resumed run continue
 * exactly as the interrupted one would have.
 */
interface CheckpointHeader {
  format: 'netcanvas.checkpoint';
  version: 1;
  /** Last finished epoch (0-based). */
  epoch: number;
  tracker: TrackerState;
  parts: { name: 'weights' | 'optimizer' | 'best'; specs: tfjs.io.WeightsManifestEntry[]; bytes: number }[];
}

export interface Checkpoint {
  epoch: number;
  tracker: TrackerState;
  weights: tfjs.Tensor[];
  /** Optimizer state in `optimizer.getWeights()` order, or null when it could not be saved. */
  optimizer: NamedTensor[] | null;
  best: tfjs.Tensor[] | null;
}

const MAGIC = [0x4e, 0x43, 0x43, 0x4b]; // NCCK

/** Packs a checkpoint of a model in training after epoch `epoch`. */
export async function encodeCheckpoint(
  tf: Tf,
  model: tfjs.LayersModel,
  epoch: number,
  tracker: TrackerState,
  bestWeights: tfjs.Tensor[] | null = null,
): Promise<Uint8Array> {
  const parts: CheckpointHeader['parts'] = [];
  const blobs: Uint8Array[] = [];
  const add = async (name: CheckpointHeader['parts'][number]['name'], tensors: NamedTensor[]) => {
    const { data, specs } = await tf.io.encodeWeights(tensors);
    parts.push({ name, specs, bytes: data.byteLength });
    blobs.push(new Uint8Array(data));
  };
  const values = model.getWeights();
  await add(
    'weights',
    values.map((tensor, i) => ({ name: `${i}:${model.weights[i]?.originalName ?? i}`, tensor })),
  );
  const optimizerState = await optimizerWeights(model.optimizer);
  if (optimizerState) {
    try {
      await add(
        'optimizer',
        optimizerState.map((w, i) => ({ name: `${i}:${w.name}`, tensor: w.tensor })),
      );
    } finally {
      // getWeights() makes a fresh scalar of the step count each call; the rest are the optimizer's own variables.
      tf.dispose(optimizerState.filter((w) => w.name === 'iter').map((w) => w.tensor));
    }
  }
  if (bestWeights)
    await add(
      'best',
      bestWeights.map((tensor, i) => ({ name: `${i}`, tensor })),
    );
  const header: CheckpointHeader = { format: 'netcanvas.checkpoint', version: 1, epoch, tracker, parts };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(8 + json.byteLength + blobs.reduce((n, b) => n + b.byteLength, 0));
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, json.byteLength, true);
  out.set(json, 8);
  let offset = 8 + json.byteLength;
  for (const b of blobs) {
    out.set(b, offset);
    offset += b.byteLength;
  }
  return out;
}

async function optimizerWeights(optimizer: tfjs.Optimizer | undefined): Promise<NamedTensor[] | null> {
  if (!optimizer) return null;
  try {
    return await optimizer.getWeights();
  } catch {
    return null; // an optimizer without state yet, or one TF.js cannot save: weights alone still resume
  }
}

/** Unpacks a checkpoint; the caller owns (and disposes) its tensors, e.g. with {@link restoreCheckpoint}. */
export function decodeCheckpoint(tf: Tf, bytes: Uint8Array): Checkpoint {
  if (bytes.byteLength < 8 || MAGIC.some((m, i) => bytes[i] !== m)) throw new Error('Not a NetCanvas checkpoint.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as CheckpointHeader;
  if (header.format !== 'netcanvas.checkpoint' || header.version !== 1) throw new Error('Unsupported checkpoint version.');
  let offset = 8 + length;
  const decoded: Partial<Record<CheckpointHeader['parts'][number]['name'], NamedTensor[]>> = {};
  for (const part of header.parts) {
    const slice = bytes.slice(offset, offset + part.bytes);
    offset += part.bytes;
    const map = tf.io.decodeWeights(slice.buffer, part.specs);
    decoded[part.name] = part.specs.map((spec) => ({ name: spec.name.replace(/^\d+:/, ''), tensor: map[spec.name] as tfjs.Tensor }));
  }
  return {
    epoch: header.epoch,
    tracker: header.tracker ?? FRESH_TRACKER,
    weights: (decoded.weights ?? []).map((w) => w.tensor),
    optimizer: decoded.optimizer ?? null,
    best: decoded.best ? decoded.best.map((w) => w.tensor) : null,
  };
}

/**
 * Puts a checkpoint's weights and optimizer state into a model compiled for training, disposing the
 * checkpoint's tensors except the best weights, which it returns for the trainer to take over.
 *
 * @returns The epoch to resume from and the keep-best state.
 */
export async function restoreCheckpoint(
  tf: Tf,
  model: tfjs.LayersModel,
  checkpoint: Checkpoint,
): Promise<{ initialEpoch: number; tracker: TrackerState; bestWeights: tfjs.Tensor[] | null; optimizerRestored: boolean }> {
  let optimizerRestored = false;
  try {
    model.setWeights(checkpoint.weights);
    if (checkpoint.optimizer && model.optimizer) {
      try {
        await model.optimizer.setWeights(checkpoint.optimizer);
        optimizerRestored = true;
      } catch {
        optimizerRestored = false; // weights alone still resume; the optimizer warms up again
      }
    }
  } finally {
    tf.dispose([...checkpoint.weights, ...(checkpoint.optimizer ?? []).map((w) => w.tensor)]);
  }
  return { initialEpoch: checkpoint.epoch + 1, tracker: checkpoint.tracker, bestWeights: checkpoint.best, optimizerRestored };
}
