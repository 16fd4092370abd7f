import type { TrainingConfigInput } from '../graph/training-config';
import { snakeToCamel } from '../keras/names';

const LOSSES: Record<string, TrainingConfigInput['loss']> = {
  categoricalCrossentropy: 'categoricalCrossentropy',
  sparseCategoricalCrossentropy: 'sparseCategoricalCrossentropy',
  binaryCrossentropy: 'binaryCrossentropy',
  meanSquaredError: 'meanSquaredError',
  mse: 'meanSquaredError',
  meanAbsoluteError: 'meanAbsoluteError',
  mae: 'meanAbsoluteError',
  huber: 'huberLoss',
  huberLoss: 'huberLoss',
};
const OPTIMIZERS: Record<string, TrainingConfigInput['optimizer']> = {
  adam: 'adam',
  sgd: 'sgd',
  rmsprop: 'rmsprop',
  adagrad: 'adagrad',
  adadelta: 'adadelta',
  adamax: 'adamax',
};

/** The training settings a Keras file recorded (`training_config`), as far as NetCanvas has them. */
export function trainingFromKeras(raw: unknown): TrainingConfigInput | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const config = raw as {
    loss?: unknown;
    optimizer_config?: { class_name?: unknown; config?: Record<string, unknown> };
    metrics?: unknown;
  };
  const out: TrainingConfigInput = {};
  if (typeof config.loss === 'string') {
    const loss = LOSSES[snakeToCamel(config.loss)];
    if (loss) out.loss = loss;
  }
  const optimizer = config.optimizer_config;
  if (optimizer && typeof optimizer.class_name === 'string') {
    const name = OPTIMIZERS[optimizer.class_name.toLowerCase()];
    if (name) out.optimizer = name;
    const rate = optimizer.config?.learning_rate ?? optimizer.config?.lr;
    if (typeof rate === 'number' && rate > 0 && rate <= 10) out.learningRate = rate;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
