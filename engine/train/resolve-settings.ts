import type { GraphDoc } from '../graph/schema';
import { type TrainingConfig, type TrainingConfigInput, TrainingConfigSchema } from '../graph/training-config';
import { type DatasetShape, fitGraphToDataset } from './fit-to-dataset';

/** Loss names in words. */
export const LOSS_WORDS: Record<TrainingConfig['loss'], string> = {
  categoricalCrossentropy: 'categorical cross-entropy',
  sparseCategoricalCrossentropy: 'sparse categorical cross-entropy',
  binaryCrossentropy: 'binary cross-entropy',
  meanSquaredError: 'mean squared error',
  meanAbsoluteError: 'mean absolute error',
  huberLoss: 'Huber loss',
};

const METRIC_WORDS: Record<string, string> = {
  accuracy: 'accuracy (the share of samples put in the right class)',
  mae: 'mean absolute error (how far off a prediction is, on average)',
  mse: 'mean squared error',
};

/** One setting and why it has its value, in plain words for the Train page. */
export interface SettingNote {
  field: keyof TrainingConfig | 'model';
  text: string;
}

export interface ResolvedSettings {
  /** The graph fitted to the dataset (input shape, output units). */
  doc: GraphDoc;
  /** Complete settings: overrides, then the graph's, then the dataset-derived ones, then defaults. */
  config: TrainingConfig;
  notes: SettingNote[];
  /** Why this graph cannot train on this dataset, if it cannot. */
  problem?: string;
}

/**
 * The settings a run will use, with the reasons: the graph's own training settings, filled from the
 * dataset where the graph left them open (the loss from the label type, the output units from the
 * class count, the input shape from the samples), then any overrides the user typed in. Used alike by
 * the Train page, the server worker and the command line, so all three train the same way.
 *
 * @example
 * const { config, notes } = resolveSettings(doc, { name: 'digits', task: 'classification', featureShape: [28, 28, 1], classes });
 * // notes: [{ field: 'loss', text: 'Loss: categorical cross-entropy, because the labels are 10 classes.' }, …]
 */
export function resolveSettings(doc: GraphDoc, dataset: DatasetShape, overrides: TrainingConfigInput = {}): ResolvedSettings {
  const fitted = fitGraphToDataset(doc, dataset);
  const chosen = (doc.training ?? {}) as Partial<TrainingConfig>;
  const config = TrainingConfigSchema.parse({ ...(fitted.doc.training ?? {}), ...stripUndefined(overrides) });
  const notes: SettingNote[] = fitted.changes.map((text) => ({ field: 'model', text }));
  const classes = dataset.classes?.length ?? 0;
  const why =
    overrides.loss !== undefined
      ? 'as you chose'
      : chosen.loss !== undefined && chosen.loss === config.loss
        ? 'as the graph sets it'
        : dataset.task === 'regression'
          ? 'because the labels are numbers (regression)'
          : classes === 2 && config.loss === 'binaryCrossentropy'
            ? 'because the labels are two classes and the output is one unit'
            : `because the labels are ${classes} classes`;
  notes.push({ field: 'loss', text: `Loss: ${LOSS_WORDS[config.loss]}, ${why}.` });
  notes.push({ field: 'metrics', text: `Metrics: ${config.metrics.map((m) => METRIC_WORDS[m] ?? m).join(', ') || 'none'}.` });
  notes.push({
    field: 'optimizer',
    text: `Optimizer: ${config.optimizer} at learning rate ${config.learningRate}${config.schedule.kind === 'constant' ? '' : ` (${config.schedule.kind} schedule)`}.`,
  });
  notes.push({
    field: 'batchSize',
    text: `${config.epochs} epoch${config.epochs === 1 ? '' : 's'} of batches of ${config.batchSize} samples${config.shuffle ? ', shuffled every epoch' : ''}.`,
  });
  notes.push({
    field: 'validationSplit',
    text: "Validation: the dataset's own validation split when it has one; otherwise this share of the training samples is held back.",
  });
  if (config.earlyStopping) {
    notes.push({
      field: 'earlyStopping',
      text: `Stops early when ${config.earlyStopping.monitor} has not improved for ${config.earlyStopping.patience} epochs.`,
    });
  }
  if (config.keepBest) notes.push({ field: 'keepBest', text: 'Keeps the weights of the best epoch, not just the last.' });
  return { doc: fitted.doc, config, notes, ...(fitted.problem ? { problem: fitted.problem } : {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
