import { classification } from './classification';
import { defineTask } from './spec';

// No `tableLabel`: the labels come from a CSV's label column beside a text column, not a table of features.
/**
 * Sorting texts into classes (spam or not, sentiment, topic). Each sample is a row of word ids —
 * the dataset version's tokenizer and vocabulary made them, padded or cut to its sequence length —
 * and its label a class index. Encoding, losses, metrics, output fitting and the confusion-matrix
 * evaluation are classification's; what differs is the samples, so designs start with an Embedding
 * whose input size must cover the vocabulary (the preflight checks it).
 */
const { tableLabel: _fromTable, ...shared } = classification;

export const textClassification = defineTask({
  ...shared,
  id: 'text-classification',
  label: 'text classification',
  doc: 'Each sample is a text, stored as a row of word ids from the dataset’s own vocabulary (0 is padding, 1 an unknown word), and belongs to one of a fixed set of classes; an Embedding turns the ids into vectors, and the model gives a score per class, judged by accuracy and a confusion matrix.',
  labelWords: (facts) => `${facts.classes?.length ?? 1} classes of text`,
});
