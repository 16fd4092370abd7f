import { z } from 'zod';
import { defineLayer } from '../spec';
import { globalPoolingRules } from './pool-shape';

export const globalAveragePooling1d = defineLayer({
  type: 'globalAveragePooling1d',
  label: 'GlobalAveragePooling1D',
  category: 'pooling',
  doc: 'Collapses a whole sequence into one value per channel: its average over all steps. The usual way to turn a sequence of features, such as word embeddings or Conv1D outputs, into one fixed-size vector for a classifier, whatever the sequence length.',
  params: z.object({}).strict(),
  ...globalPoolingRules(1, 'GlobalAveragePooling1D'),
  build: (tf, _p, { name, trainable }) => tf.layers.globalAveragePooling1d({ name, trainable }),
  keras: { className: 'GlobalAveragePooling1D' },
});
