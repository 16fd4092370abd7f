import { analyse } from '../analysis/analyse';
import type { InMemoryDataset } from '../data/dataset';
import type { GraphDoc } from '../graph/schema';
import type { TrainingConfigInput } from '../graph/training-config';

/** What fitting a graph needs to know of a dataset: an in-memory set, a BatchSource or a dataset's meta. */
export type DatasetShape = Pick<InMemoryDataset, 'name' | 'task' | 'featureShape' | 'classes'> & { labelSize?: number };

export interface DatasetFit {
  doc: GraphDoc;
  /** Plain-language notes of what was changed, for the user. */
  changes: string[];
  /** Set when the graph cannot be made to fit the data. */
  problem?: string;
}

/**
 * Sensible defaults from the data: the Input takes the dataset's sample shape, a Dense output layer
 * gets one unit per class (with softmax) — or one unit per target with no activation for regression —
 * and the loss follows the label type unless the graph's training settings already chose one that
 * fits it. Only ever changes a single-input, single-output graph.
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
  const inputId = analysis.inputs[0] as string;
  const outputId = analysis.outputs[0]?.nodeId as string;
  const nodes = doc.nodes.map((n) => ({ ...n }));
  const input = nodes.find((n) => n.id === inputId);
  const wanted = dataset.featureShape;
  const current = (analysis.nodes[inputId]?.params?.shape as (number | null)[] | undefined) ?? [];
  if (input && current.join(',') !== wanted.join(',')) {
    input.params = { ...input.params, shape: wanted };
    changes.push(`Input shape set to [${wanted.join(', ')}] to match ${dataset.name}.`);
  }
  const classes = dataset.classes?.length ?? 0;
  const training: TrainingConfigInput = { ...(doc.training as TrainingConfigInput | undefined) };
  const output = nodes.find((n) => n.id === outputId);
  if (dataset.task === 'classification' && output?.type === 'dense') {
    const units = Number(analysis.nodes[outputId]?.params?.units ?? 0);
    const binary = classes === 2 && units === 1;
    if (!binary && units !== classes) {
      output.params = { ...output.params, units: classes, activation: 'softmax' };
      changes.push(`Output layer "${output.name ?? output.id}" set to ${classes} units with softmax: one per class.`);
    }
    if (!doc.training?.loss) training.loss = binary ? 'binaryCrossentropy' : 'categoricalCrossentropy';
  } else if (dataset.task === 'regression') {
    const targets = dataset.labelSize ?? 1;
    if (output?.type === 'dense') {
      const units = Number(analysis.nodes[outputId]?.params?.units ?? 0);
      const activation = String(analysis.nodes[outputId]?.params?.activation ?? 'linear');
      if (units !== targets || activation === 'softmax' || activation === 'sigmoid') {
        output.params = { ...output.params, units: targets, activation: 'linear' };
        changes.push(
          `Output layer "${output.name ?? output.id}" set to ${targets} unit${targets === 1 ? '' : 's'} with no activation: it predicts ${targets === 1 ? 'a number' : 'numbers'}.`,
        );
      }
    }
    if (
      !doc.training?.loss ||
      ['categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'binaryCrossentropy'].includes(doc.training.loss)
    ) {
      training.loss = 'meanSquaredError';
      training.metrics = ['mae'];
    }
  }
  const fitted: GraphDoc = { ...doc, nodes, training: training as GraphDoc['training'] };
  const after = analyse(fitted);
  const error = after.diagnostics.find((d) => d.severity === 'error');
  return error
    ? { doc: fitted, changes, problem: `After fitting the graph to ${dataset.name}: ${error.message}` }
    : { doc: fitted, changes };
}
