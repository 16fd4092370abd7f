/** The figures of one finished epoch, with metric names as the UI shows them (loss, accuracy, valLoss…). */
export interface EpochRecord {
  epoch: number;
  metrics: Record<string, number>;
  learningRate: number;
  seconds: number;
  samplesPerSecond: number;
  /** With two-phase fine-tuning: 1 while only the head trains, 2 once the top layers are unfrozen. */
  phase?: 1 | 2;
}

/** How an epoch loop ended: the epochs it ran, the best one by the watched figure, and why it stopped. */
export interface TrainOutcome {
  epochs: EpochRecord[];
  bestEpoch: number | null;
  stoppedEarly: boolean;
  cancelled: boolean;
}

/** TF.js log keys → the names NetCanvas shows. */
export function metricName(key: string): string {
  const val = key.startsWith('val_');
  const base = (val ? key.slice(4) : key).replace(/^acc$/, 'accuracy');
  return val ? `val${base[0]?.toUpperCase()}${base.slice(1)}` : base;
}
