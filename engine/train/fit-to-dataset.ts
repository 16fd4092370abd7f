import { analyse } from '../analysis/analyse';
import type { InMemoryDataset } from '../data/dataset';
import type { GraphDoc } from '../graph/schema';
import type { TrainingConfigInput } from '../graph/training-config';
import { type TaskRef, taskSpec } from '../tasks/registry';
import type { LabelFacts } from '../tasks/spec';
import { shapeWords } from './rank-datasets';

/** What fitting a graph needs to know of a dataset: an in-memory set, a BatchSource or a dataset's meta. */
export type DatasetShape = Pick<InMemoryDataset, 'name' | 'featureShape' | 'classes'> & {
  task: TaskRef;
  labelSize?: number;
  /** Texts: only the vocabulary's size matters here (the Embedding must cover it). */
  text?: { vocabulary: readonly string[] };
};

export interface DatasetFit {
  doc: GraphDoc;
  /** Plain-language notes of what was changed, for the user. */
  changes: string[];
  /** Set when the graph cannot be made to fit the data. */
  problem?: string;
}

/** The facts of a dataset a task spec reads. */
export function labelFacts(dataset: DatasetShape): LabelFacts {
  return {
    featureShape: dataset.featureShape,
    labelSize: dataset.labelSize ?? 1,
    ...(dataset.classes ? { classes: dataset.classes } : {}),
    ...(dataset.text ? { vocabularySize: dataset.text.vocabulary.length } : {}),
  };
}

/**
 * Sensible defaults from the data: the Input takes the dataset's sample shape, the output layer is
 * fitted to the labels by the dataset's task (for classification one unit per class with softmax; for
 * regression one unit per target with no activation), and the loss follows the labels unless the
 * graph's training settings already chose one the task keeps. Only ever changes a single-input,
 * single-output graph.
 */
export function fitGraphToDataset(doc: GraphDoc, dataset: DatasetShape): DatasetFit {
  const analysis = analyse(doc);
  const changes: string[] = [];
  if (analysis.inputs.length !== 1 || analysis.outputs.length !== 1) {
    return {
      doc,
      changes,
      problem: `The graph has ${analysis.inputs.length} inputs and ${analysis.outputs.length} outputs; training on a table of samples needs exactly one of each.`,
    };
  }
  const task = taskSpec(dataset.task);
  const facts = labelFacts(dataset);
  const inputId = analysis.inputs[0] as string;
  const outputId = analysis.outputs[0]?.nodeId as string;
  const nodes = doc.nodes.map((n) => ({ ...n }));
  const input = nodes.find((n) => n.id === inputId);
  const wanted = dataset.featureShape;
  const current = (analysis.nodes[inputId]?.params?.shape as (number | null)[] | undefined) ?? [];
  if (input && current.join(',') !== wanted.join(',')) {
    input.params = { ...input.params, shape: wanted };
    changes.push(`The input will be adapted from ${shapeWords(current)} to ${shapeWords(wanted)} to match ${dataset.name}.`);
  }
  const output = nodes.find((n) => n.id === outputId);
  const outputParams = analysis.nodes[outputId]?.params ?? {};
  if (output) {
    const fit = task.fitOutput({ type: output.type, name: output.name ?? output.id, params: outputParams }, facts);
    if (fit) {
      output.params = { ...output.params, ...fit.params };
      changes.push(fit.note);
    }
  }
  const training: TrainingConfigInput = { ...(doc.training as TrainingConfigInput | undefined) };
  const denseUnits = output?.type === 'dense' ? Number(outputParams.units ?? 0) : null;
  const choice = task.chooseLoss(doc.training?.loss, { ...facts, outputUnits: denseUnits });
  if (choice) {
    training.loss = choice.loss as TrainingConfigInput['loss'];
    if (choice.metrics) training.metrics = choice.metrics as TrainingConfigInput['metrics'];
  }
  const fitted: GraphDoc = { ...doc, nodes, training: training as GraphDoc['training'] };
  const after = analyse(fitted);
  const error = after.diagnostics.find((d) => d.severity === 'error');
  return error
    ? { doc: fitted, changes, problem: `After fitting the graph to ${dataset.name}: ${error.message}` }
    : { doc: fitted, changes };
}
