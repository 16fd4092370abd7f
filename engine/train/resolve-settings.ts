import { imageFitFor } from '../data/fit-images';
import type { GraphDoc } from '../graph/schema';
import type { TrainingConfig, TrainingConfigInput } from '../graph/training-config';
import { lossFor, metricFor, trainingSchemaFor } from '../tasks/objectives';
import { type PreflightProblem, preflight } from '../tasks/preflight';
import { taskSpec } from '../tasks/registry';
import { type DatasetShape, fitGraphToDataset, labelFacts } from './fit-to-dataset';
import { designFacts } from './rank-datasets';

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
  /** The mismatches between design and data found before training, each on its layer with a hint. */
  preflight: PreflightProblem[];
}

/**
 * The settings a run will use, with the reasons: the graph's own training settings, filled from the
 * dataset where the graph left them open (the loss and output units as the dataset's task chooses
 * them, the input shape from the samples), then any overrides the user typed in. Used alike by
 * the Train page, the server worker and the command line, so all three train the same way.
 *
 * @example
 * const { config, notes } = resolveSettings(doc, { name: 'digits', task: 'classification', featureShape: [28, 28, 1], classes });
 * // notes: [{ field: 'loss', text: 'Loss: categorical cross-entropy, because the labels are 10 classes.' }, …]
 */
export function resolveSettings(doc: GraphDoc, given: DatasetShape, overrides: TrainingConfigInput = {}): ResolvedSettings {
  const task = taskSpec(given.task);
  // Images the run will resize to the design's input (fitImages) are seen here at that size already.
  const imageFit = task.moveLabels ? null : imageFitFor(given.featureShape, designFacts(doc).inputShape);
  const fitImages = (overrides.fitImages ?? doc.training?.fitImages ?? false) && imageFit !== null;
  const dataset = fitImages && imageFit ? { ...given, featureShape: [imageFit.height, imageFit.width, imageFit.channels] } : given;
  const fitted = fitGraphToDataset(doc, dataset);
  const chosen = (doc.training ?? {}) as Partial<TrainingConfig>;
  const config = trainingSchemaFor(task).parse({ ...(fitted.doc.training ?? {}), ...stripUndefined(overrides) });
  const notes: SettingNote[] = fitted.changes.map((text) => ({ field: 'model', text }));
  if (imageFit) {
    const from = given.featureShape.join('×');
    const to = `${imageFit.height}×${imageFit.width}×${imageFit.channels}`;
    notes.push({
      field: 'fitImages',
      text: fitImages
        ? `Images are resized from ${from} to ${to}${given.featureShape[2] !== imageFit.channels ? ' and converted to the channels' : ''} the design takes.`
        : `The design takes ${to} images and these are ${from}: turn on "fit images" to resize them instead of changing the Input (keeps a pretrained backbone's weights).`,
    });
  }
  const why =
    overrides.loss !== undefined
      ? 'as you chose'
      : chosen.loss !== undefined && chosen.loss === config.loss
        ? 'as the graph sets it'
        : task.lossReason(config.loss, labelFacts(dataset));
  notes.push({ field: 'loss', text: `Loss: ${lossFor(task, config.loss)?.label ?? config.loss}, ${why}.` });
  notes.push({
    field: 'metrics',
    text: `Metrics: ${config.metrics.map((m) => metricFor(task, m)?.label ?? m).join(', ') || 'none'}.`,
  });
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
  const problems = preflight({
    original: doc,
    fitted: fitted.doc,
    dataset: { ...labelFacts(dataset), name: dataset.name, task: dataset.task },
    loss: config.loss,
  });
  // A preflight finding says what to change in the design's own terms; it goes before the analyser's.
  const problem = problems[0] ? `${problems[0].message} ${problems[0].hint}` : fitted.problem;
  return { doc: fitted.doc, config, notes, preflight: problems, ...(problem ? { problem } : {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
