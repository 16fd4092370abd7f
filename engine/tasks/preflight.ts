import { analyse } from '../analysis/analyse';
import type { Analysis } from '../analysis/types';
import type { GraphDoc, GraphEdge, GraphNode } from '../graph/schema';
import { layerSpec } from '../layers/registry';
import { lossFor } from './objectives';
import { type TaskRef, taskSpec } from './registry';
import type { LabelFacts } from './spec';

/**
 * One reason a design cannot train on a dataset, found before the run starts, pinned to the layer at
 * fault (when there is one) with what to change. Runs refuse to start on these, so no TF.js error
 * about ranks or sizes ever reaches the user.
 */
export interface PreflightProblem {
  /** A stable name for the kind of mismatch, for tests and the UI. */
  kind: 'input_rank' | 'vocabulary_size' | 'loss_task' | 'dense_rank' | 'output_rank' | 'output_size';
  nodeId?: string;
  /** The training setting (or the layer's field) at fault, when it is one. */
  field?: 'loss' | 'inputDim';
  message: string;
  hint: string;
}

/** What the preflight looks at: the design as drawn, the design fitted to the data, the data, the loss. */
export interface PreflightInput {
  /** The design before fitting (its Input shape is what the user drew). */
  original: GraphDoc;
  /** The design after fitting to the dataset (Input shape and output units set from the data). */
  fitted: GraphDoc;
  dataset: LabelFacts & { name: string; task: TaskRef };
  loss: string;
}

/**
 * Checks a design against a dataset and its task before training: the kind of samples (images,
 * rows, sequences) against the Input, the loss against the task, and the output against the labels
 * the loss will compare it with. Returns every problem found, most fundamental first.
 */
export function preflight(input: PreflightInput): PreflightProblem[] {
  const task = taskSpec(input.dataset.task);
  const problems: PreflightProblem[] = [];
  const analysis = analyse(input.fitted);
  // Graphs with several inputs or outputs are refused earlier, in words of their own.
  if (analysis.inputs.length !== 1 || analysis.outputs.length !== 1) return problems;
  const inputProblem = checkInputKind(input);
  if (inputProblem) return [inputProblem];
  problems.push(...checkVocabulary(input, analysis));
  const loss = lossFor(task, input.loss);
  if (!task.losses.some((l) => l.id === input.loss)) {
    problems.push({
      kind: 'loss_task',
      field: 'loss',
      message: `The loss ${loss?.label ?? input.loss} does not suit ${task.label}: ${input.dataset.name} has ${task.labelWords(input.dataset)}.`,
      hint: `Choose one of: ${task.losses.map((l) => l.label).join(', ')}.`,
    });
  }
  const output = analysis.outputs[0];
  if (!output) return problems;
  const outputShape = analysis.nodes[output.nodeId]?.outputShapes?.[output.port];
  if (!outputShape) return problems;
  const perSample = outputShape.slice(1);
  const units = perSample[perSample.length - 1] ?? 1;
  const expected = loss ? task.labelShape({ ...input.dataset, loss, outputUnits: units ?? 1 }) : null;
  if (!expected) return problems;
  const outputNode = nodeById(input.fitted, output.nodeId);
  if (perSample.length > expected.length) {
    const dense = outputNode && denseFedTooManyAxes(input.fitted, analysis, outputNode);
    if (dense) {
      problems.push({
        kind: 'dense_rank',
        nodeId: dense.id,
        message: `${nameOf(dense)} gets a ${rankWords(analysis.nodes[dense.id]?.inputShapes[0]?.length ?? 0)} tensor, so the model outputs ${shapeWords(perSample)} values per sample where ${input.dataset.name} needs ${shapeWords(expected)}.`,
        hint: `Add Flatten or GlobalAveragePooling2D before ${nameOf(dense)}.`,
      });
    } else {
      problems.push({
        kind: 'output_rank',
        ...(outputNode ? { nodeId: outputNode.id } : {}),
        message: `The model outputs ${shapeWords(perSample)} values per sample (${perSample.length > 2 ? 'an image, as for segmentation or reconstruction' : 'a sequence'}), but ${input.dataset.name} has ${task.labelWords(input.dataset)}: ${shapeWords(expected)} per sample.`,
        hint: `End the design with GlobalAveragePooling2D (or Flatten) and a Dense layer for ${task.labelWords(input.dataset)}, or pick a dataset whose labels are ${perSample.length > 2 ? 'images' : 'sequences'}.`,
      });
    }
    return problems;
  }
  if (perSample.length < expected.length) {
    // Per-pixel or per-cell labels (masks, box grids) against a vector per sample.
    problems.push({
      kind: 'output_rank',
      ...(outputNode ? { nodeId: outputNode.id } : {}),
      message: `The model outputs ${shapeWords(perSample)} values per sample, but ${input.dataset.name} has ${task.labelWords(input.dataset)}: ${shapeWords(expected)} per sample.`,
      hint: `End the design with a Conv2D layer of ${expected[expected.length - 1]} filters whose output is ${shapeWords(expected.slice(0, -1))} (no Flatten or Dense at the end), or pick a dataset with one label per sample.`,
    });
    return problems;
  }
  if (perSample.length === expected.length && perSample.some((d, i) => d !== null && d !== expected[i])) {
    problems.push({
      kind: 'output_size',
      ...(outputNode ? { nodeId: outputNode.id } : {}),
      message: `${outputNode ? nameOf(outputNode) : 'The output'} gives ${shapeWords(perSample)} values per sample, but ${input.dataset.name} needs ${shapeWords(expected)} (${task.labelWords(input.dataset)}).`,
      hint:
        outputNode?.type === 'dense'
          ? `Set ${nameOf(outputNode)} to ${unitWords(expected)}.`
          : `End the design with a Dense layer of ${unitWords(expected)}.`,
    });
  }
  return problems;
}

/** Image designs on table rows, and table designs on images: the Input's rank cannot simply be reset. */
function checkInputKind(input: PreflightInput): PreflightProblem | null {
  const drawn = input.original.nodes.find((n) => n.type === 'input');
  const shape = drawn?.params?.shape;
  if (!drawn || !Array.isArray(shape)) return null;
  const wanted = input.dataset.featureShape;
  if (shape.length === wanted.length) return null;
  return {
    kind: 'input_rank',
    nodeId: drawn.id,
    message: `The design takes ${sampleWords(shape.length, shape)}, but ${input.dataset.name} has ${sampleWords(wanted.length, wanted)}.`,
    hint:
      wanted.length === 1
        ? 'Pick a dataset of images for this design, or start a design for tables (Dense layers after the Input).'
        : `Pick a dataset of ${sampleWords(shape.length, shape)}, or set the Input to ${wanted.join(' × ')} and use layers for ${sampleWords(wanted.length, wanted)}.`,
  };
}

/**
 * Word ids run up to the vocabulary's size minus one; an Embedding with a smaller input size would
 * look up rows it does not have (TF.js gives no error, only garbage), so every Embedding must cover it.
 */
function checkVocabulary(input: PreflightInput, analysis: Analysis): PreflightProblem[] {
  const size = input.dataset.vocabularySize;
  if (size === undefined) return [];
  return input.fitted.nodes.flatMap((node): PreflightProblem[] => {
    if (node.type !== 'embedding') return [];
    const inputDim = Number(analysis.nodes[node.id]?.params?.inputDim ?? 0);
    if (inputDim >= size) return [];
    return [
      {
        kind: 'vocabulary_size',
        nodeId: node.id,
        field: 'inputDim',
        message: `${nameOf(node)} has an input size of ${inputDim}, but ${input.dataset.name} has ${size} words in its vocabulary (with padding and the unknown word), so ids up to ${size - 1} reach it.`,
        hint: `Set the input size (inputDim) of ${nameOf(node)} to at least ${size}, or upload the text again with a vocabulary of at most ${inputDim} words.`,
      },
    ];
  });
}

/** The Dense layer on the way to the output that receives more than a vector per sample, if any. */
function denseFedTooManyAxes(doc: GraphDoc, analysis: Analysis, from: GraphNode): GraphNode | null {
  const seen = new Set<string>();
  let current: GraphNode | undefined = from;
  // Walk back along single-input layers (Dropout, Activation…) to the first Dense.
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const inShape = analysis.nodes[current.id]?.inputShapes[0];
    if (current.type === 'dense') return inShape && inShape.length > 2 ? current : null;
    const spec = layerSpec(current.type);
    if (spec?.inputs.max !== 1) return null;
    const id: string = current.id;
    const edge: GraphEdge | undefined = doc.edges.find((e) => e.target === id);
    current = edge ? nodeById(doc, edge.source) : undefined;
  }
  return null;
}

function nodeById(doc: GraphDoc, id: string): GraphNode | undefined {
  return doc.nodes.find((n) => n.id === id);
}

function nameOf(node: GraphNode): string {
  return node.name ?? layerSpec(node.type)?.label ?? node.type;
}

function shapeWords(dims: readonly (number | null)[]): string {
  return dims.length === 0 ? '1' : dims.map((d) => (d === null ? '?' : String(d))).join('×');
}

function unitWords(expected: readonly number[]): string {
  const units = expected[expected.length - 1] ?? 1;
  return `${units} unit${units === 1 ? '' : 's'}`;
}

function rankWords(rank: number): string {
  return rank === 3 ? '3-D (a sequence per sample)' : rank === 4 ? '4-D (an image per sample)' : `${rank}-D`;
}

function sampleWords(rank: number, shape: readonly unknown[]): string {
  if (rank === 1) return `rows of ${shape[0] ?? '?'} numbers`;
  if (rank === 2) return `sequences (${shape.join(' × ')})`;
  if (rank === 3) return `images (${shape.join(' × ')})`;
  return `${rank}-D samples`;
}
