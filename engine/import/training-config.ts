import type { TrainingConfigInput } from '../graph/training-config';
import { LOSSES, type LossId } from '../tasks/losses';

const normalise = (name: string) => name.replace(/_/g, '').toLowerCase();

/**
 * Loss names as Keras and TF.js write them, normalised (lower case, no underscores): each registered
 * loss's id, Keras name and aliases (`categorical_crossentropy`, `BinaryCrossentropy`, `mse`, `huber`).
 */
const LOSS_NAMES: ReadonlyMap<string, LossId> = new Map(
  Object.values(LOSSES).flatMap((spec) =>
    [spec.id, spec.keras, ...(spec.aliases ?? [])].map((name) => [normalise(name), spec.id] as const),
  ),
);
const OPTIMIZERS: Record<string, TrainingConfigInput['optimizer']> = {
  adam: 'adam',
  sgd: 'sgd',
  rmsprop: 'rmsprop',
  adagrad: 'adagrad',
  adadelta: 'adadelta',
  adamax: 'adamax',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A loss as written: a name (`binary_crossentropy`, `meanSquaredError`), a loss class
 * (`{class_name: 'BinaryCrossentropy'}`) or, in Keras 3, a function (`{class_name: 'function', config: 'mse'}`).
 */
function lossName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return undefined;
  if (value.class_name === 'function' && typeof value.config === 'string') return value.config;
  return typeof value.class_name === 'string' ? value.class_name : undefined;
}

/**
 * The training settings a model file recorded, as far as NetCanvas has them: `training_config` of
 * Keras 2 and TF.js (`optimizer_config`), or `compile_config` of Keras 3 (`optimizer`).
 */
export function trainingFromKeras(raw: unknown): TrainingConfigInput | undefined {
  if (!isRecord(raw)) return undefined;
  const out: TrainingConfigInput = {};
  const loss = lossName(raw.loss);
  const lossId = loss === undefined ? undefined : LOSS_NAMES.get(normalise(loss));
  if (lossId) out.loss = lossId;
  const optimizer = isRecord(raw.optimizer_config) ? raw.optimizer_config : isRecord(raw.optimizer) ? raw.optimizer : undefined;
  const optimizerName = typeof raw.optimizer === 'string' ? raw.optimizer : optimizer?.class_name;
  if (typeof optimizerName === 'string') {
    const name = OPTIMIZERS[optimizerName.toLowerCase()];
    if (name) out.optimizer = name;
  }
  const config = isRecord(optimizer?.config) ? optimizer.config : {};
  const rate = config.learning_rate ?? config.lr;
  // Files keep the rate as a 32-bit float (9e-7 reads back as 8.999999749903509e-7): seven digits are all it holds.
  if (typeof rate === 'number' && rate > 0 && rate <= 10) out.learningRate = Number(rate.toPrecision(7));
  return Object.keys(out).length > 0 ? out : undefined;
}
