import { defineLoss } from './spec';

/** Cross-entropy against one-hot class vectors: the usual loss of a softmax classifier. */
export const categoricalCrossentropy = defineLoss({
  id: 'categoricalCrossentropy',
  label: 'categorical cross-entropy',
  builtin: 'categoricalCrossentropy',
  keras: 'categorical_crossentropy',
});

/** The same loss against class indexes, so the targets need no one-hot copy. */
export const sparseCategoricalCrossentropy = defineLoss({
  id: 'sparseCategoricalCrossentropy',
  label: 'sparse categorical cross-entropy',
  builtin: 'sparseCategoricalCrossentropy',
  keras: 'sparse_categorical_crossentropy',
});

/** Cross-entropy of independent yes/no outputs: two classes on one sigmoid unit, or several labels at once. */
export const binaryCrossentropy = defineLoss({
  id: 'binaryCrossentropy',
  label: 'binary cross-entropy',
  builtin: 'binaryCrossentropy',
  keras: 'binary_crossentropy',
});
