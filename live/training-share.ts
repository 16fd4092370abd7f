import { z } from 'zod';

/** The newest epochs and the number of batch points shared. */
const MAX_EPOCHS = 24;
const MAX_BATCHES = 32;

/** Figures are rounded to 4 significant digits: a curve reads the same, and the message stays small. */
const round = (value: number) => Number(value.toPrecision(4));

const Figures = z.record(z.string().max(40), z.number().finite()).refine((f) => Object.keys(f).length <= 4, 'at most 4 figures');

/**
 * What a presenter shares of a run while it trains in their browser, so the room sees the curves:
 * the run's name, how far it is, the figures of each epoch, and a thinned-out trace of the batch
 * losses. Kept within a few kilobytes (awareness goes to every follower on every change, and
 * between app instances as one NOTIFY, which holds at most 8,000 bytes).
 */
export const TrainingShareSchema = z
  .object({
    label: z.string().max(200),
    phase: z.enum(['queued', 'measuring', 'training', 'saving', 'done', 'error']),
    epoch: z.number().int().min(0).max(100_000),
    totalEpochs: z.number().int().min(0).max(100_000),
    epochs: z.array(z.object({ epoch: z.number().int().min(0), metrics: Figures }).strict()).max(MAX_EPOCHS),
    batches: z.array(z.object({ step: z.number().int().min(0), metrics: Figures }).strict()).max(MAX_BATCHES),
  })
  .strict();
export type TrainingShare = z.infer<typeof TrainingShareSchema>;

/** The figure drawn beside the loss: accuracy, or the first other training figure (MAE for regression). */
function metricOf(metrics: Record<string, number>): string | null {
  const keys = Object.keys(metrics);
  return keys.find((k) => k === 'accuracy') ?? keys.find((k) => k !== 'loss' && !k.startsWith('val') && k !== 'samplesPerSecond') ?? null;
}

/** The figures the curves draw — the loss and one metric, training and validation — rounded. */
function curveFigures(metrics: Record<string, number>, metric: string | null): Record<string, number> {
  const keys = ['loss', 'valLoss', ...(metric ? [metric, `val${metric[0]?.toUpperCase()}${metric.slice(1)}`] : [])];
  const out: Record<string, number> = {};
  for (const key of keys) {
    const value = metrics[key];
    if (value !== undefined && Number.isFinite(value)) out[key] = round(value);
  }
  return out;
}

/** Every n-th item so that at most `max` remain, always with the newest. */
function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  const out: T[] = [];
  for (let i = 0; i < max - 1; i++) out.push(items[Math.floor(i * step)] as T);
  out.push(items[items.length - 1] as T);
  return out;
}

export interface TrainingProgress {
  label: string;
  phase: TrainingShare['phase'];
  totalEpochs: number;
  epochs: readonly { epoch: number; metrics: Record<string, number> }[];
  batches: readonly { step: number; epoch: number; metrics: Record<string, number> }[];
}

/** A run's progress as the presenter shares it: the newest epochs, and the batch trace thinned out. */
export function trainingShare(progress: TrainingProgress): TrainingShare {
  const lastBatch = progress.batches[progress.batches.length - 1];
  const metric = metricOf(progress.epochs[0]?.metrics ?? lastBatch?.metrics ?? {});
  const epochs = progress.epochs.slice(-MAX_EPOCHS).map((e) => ({ epoch: e.epoch, metrics: curveFigures(e.metrics, metric) }));
  const batches = thin(progress.batches, MAX_BATCHES).map((b) => ({ step: b.step, metrics: curveFigures(b.metrics, metric) }));
  return {
    label: progress.label.slice(0, 200),
    phase: progress.phase,
    epoch: Math.max(lastBatch ? lastBatch.epoch + 1 : 0, progress.epochs.length),
    totalEpochs: progress.totalEpochs,
    epochs,
    batches,
  };
}
