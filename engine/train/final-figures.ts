import type { TrainingConfig } from '../graph/training-config';
import type { EpochRecord } from './epoch-record';

/**
 * The epoch whose weights a finished run keeps: the best one by the watched figure with keep-best,
 * else the last one.
 */
export function keptEpochOf(config: TrainingConfig, epochs: readonly EpochRecord[], bestEpoch: number | null): number | null {
  if (config.keepBest && bestEpoch !== null && epochs.some((e) => e.epoch === bestEpoch)) return bestEpoch;
  return epochs[epochs.length - 1]?.epoch ?? null;
}

/**
 * A run's final figures, the same wherever it trained: the kept epoch's loss and metrics, `epochs`
 * run, `bestEpoch` (1-based, the epoch with the best watched figure, which is the kept one with
 * keep-best), the mean `samplesPerSecond`, and the test split's figures (`testLoss`…). Whether the
 * run stopped early is a fact of the run, not a figure.
 */
export function finalFigures(
  config: TrainingConfig,
  epochs: readonly EpochRecord[],
  bestEpoch: number | null,
  test: Record<string, number>,
): Record<string, number> {
  const keptEpoch = keptEpochOf(config, epochs, bestEpoch);
  const kept = epochs.find((e) => e.epoch === keptEpoch);
  const { samplesPerSecond: _speed, ...metrics } = kept?.metrics ?? {};
  const figures: Record<string, number> = { ...metrics, epochs: epochs.length };
  if (bestEpoch !== null) figures.bestEpoch = bestEpoch + 1;
  if (epochs.length > 0) figures.samplesPerSecond = epochs.reduce((n, e) => n + e.samplesPerSecond, 0) / epochs.length;
  return { ...figures, ...test };
}
