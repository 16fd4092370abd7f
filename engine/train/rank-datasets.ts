import { analyse } from '../analysis/analyse';
import type { GraphDoc } from '../graph/schema';
import { BOX_CHANNELS, gridSize } from '../tasks/detection-grid';
import type { TaskId } from '../tasks/registry';

/** A dataset the Train tab can offer: its key, its sample shape and its task (null when not known yet). */
export interface DatasetCandidate {
  key: string;
  featureShape: readonly number[] | null;
  task: TaskId | null;
}

/**
 * How a dataset suits a design: `exact` when the design's input takes its samples as they are,
 * `adapted` when the input can be reshaped to them and the rest of the design still works,
 * `unknown` when the dataset's shape is not known yet, `unfit` otherwise.
 */
export type DatasetFitKind = 'exact' | 'adapted' | 'unknown' | 'unfit';

export interface RankedDataset {
  key: string;
  fit: DatasetFitKind;
  /** Whether the dataset's task is the one the design's output suggests (true when either is not known). */
  sameTask: boolean;
}

/** What a design's single input takes, and which task its output layer suggests. */
export interface DesignFacts {
  inputShape: number[] | null;
  /** The tasks the output suits (an image the input's size can be a rebuild or a mask), or null when it says nothing. */
  tasks: TaskId[] | null;
}

/** `[28, 28, 1]` → "28×28×1"; a flat shape counts its numbers: `[2]` → "2 numbers". */
export function shapeWords(shape: readonly (number | null)[]): string {
  if (shape.length === 1) return shape[0] === 1 ? '1 number' : `${shape[0] ?? '?'} numbers`;
  return shape.map((d) => d ?? '?').join('×');
}

/** The design's input shape and the task its output suggests (softmax or sigmoid: classes; linear: numbers). */
export function designFacts(doc: GraphDoc): DesignFacts {
  const analysis = analyse(doc);
  if (analysis.inputs.length !== 1) return { inputShape: null, tasks: null };
  const shape = analysis.nodes[analysis.inputs[0] as string]?.params?.shape;
  const inputShape = Array.isArray(shape) && shape.every((d) => typeof d === 'number') ? (shape as number[]) : null;
  const outputId = analysis.outputs.length === 1 ? analysis.outputs[0]?.nodeId : undefined;
  const output = doc.nodes.find((n) => n.id === outputId);
  const activation = output ? (output.type === 'softmax' ? 'softmax' : analysis.nodes[output.id]?.params?.activation) : undefined;
  const tasks = outputTasks(inputShape, outputId ? analysis.nodes[outputId]?.outputShapes?.[0] : undefined, activation);
  // A design that looks words up in an Embedding and ends in classes reads texts.
  const readsWords = doc.nodes.some((n) => n.type === 'embedding');
  return { inputShape, tasks: readsWords && tasks?.includes('classification') ? ['text-classification'] : tasks };
}

/**
 * The tasks an output suggests: an image of the input's height and width is a rebuild or a mask
 * (a rebuild only when it has more than the input's channels is ruled out), a grid of a quarter of
 * its size with more than four channels finds boxes; one value per sample is
 * classes (softmax, sigmoid) or numbers (linear).
 */
function outputTasks(input: number[] | null, output: readonly (number | null)[] | undefined, activation: unknown): TaskId[] | null {
  const sample = output?.slice(1) ?? [];
  if (input && input.length === 3 && sample.length === 3 && sample[0] === input[0] && sample[1] === input[1]) {
    return sample[2] === input[2] ? ['reconstruction', 'segmentation'] : ['segmentation'];
  }
  if (input && input.length === 3 && sample.length === 3) {
    const grid = gridSize(input[0] as number, input[1] as number);
    if (sample[0] === grid.rows && sample[1] === grid.cols && (sample[2] ?? 0) > BOX_CHANNELS) return ['detection'];
  }
  if (activation === 'softmax' || activation === 'sigmoid') return ['classification'];
  return activation === 'linear' ? ['regression'] : null;
}

/** Whether the design still analyses without errors once its input takes `shape`. */
export function inputAdapts(doc: GraphDoc, shape: readonly number[]): boolean {
  const inputs = doc.nodes.filter((n) => n.type === 'input');
  if (inputs.length !== 1) return false;
  const adapted: GraphDoc = {
    ...doc,
    nodes: doc.nodes.map((n) => (n.type === 'input' ? { ...n, params: { ...n.params, shape: [...shape] } } : n)),
  };
  return !analyse(adapted).diagnostics.some((d) => d.severity === 'error');
}

const ORDER: Record<DatasetFitKind, number> = { exact: 0, adapted: 1, unknown: 2, unfit: 3 };

/**
 * The datasets in the order they suit a design: exact input-shape matches first, then those the
 * input can be adapted to (same number of dimensions first, then the nearest in size), then unknown
 * shapes, then the rest;
 * within each, the design's task first. Stable: equal datasets keep the list's order.
 *
 * @example
 * rankDatasets(lenet, [spiral, digits])[0].key; // 'builtin:digits' (exact 28×28×1, classes)
 */
export function rankDatasets(doc: GraphDoc, candidates: readonly DatasetCandidate[]): RankedDataset[] {
  const facts = designFacts(doc);
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);
  const ranked = candidates.map((c, index) => {
    const fit: DatasetFitKind = !c.featureShape
      ? 'unknown'
      : facts.inputShape && same(facts.inputShape, c.featureShape)
        ? 'exact'
        : inputAdapts(doc, c.featureShape)
          ? 'adapted'
          : 'unfit';
    const sameTask = facts.tasks === null || c.task === null || facts.tasks.includes(c.task);
    const rank = c.featureShape && facts.inputShape && c.featureShape.length === facts.inputShape.length ? 0 : 1;
    // Among adapted inputs, the nearest in size changes the design least.
    const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
    const distance =
      fit === 'adapted' && c.featureShape && facts.inputShape ? Math.abs(Math.log(size(c.featureShape) / size(facts.inputShape))) : 0;
    return { key: c.key, fit, sameTask, score: [ORDER[fit], sameTask ? 0 : 1, fit === 'adapted' ? rank : 0, distance, index] };
  });
  ranked.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) {
      const d = (a.score[i] as number) - (b.score[i] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  return ranked.map(({ key, fit, sameTask }) => ({ key, fit, sameTask }));
}
