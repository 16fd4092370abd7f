import { z } from 'zod';
import { defineLayer } from '../spec';
import { globalPoolingRules } from './pool-shape';

export const globalMaxPooling1d = defineLayer({
  type: 'globalMaxPooling1d',
  label: 'GlobalMaxPooling1D',
  category: 'pooling',
  doc: 'Collapses a whole sequence into one value per channel: the largest anywhere along it. It answers "did this pattern occur anywhere?" and turns Conv1D features into a fixed-size vector for a Dense classifier, whatever the sequence length.',
  params: z.object({}).strict(),
  ...globalPoolingRules(1, 'GlobalMaxPooling1D'),
  build: (tf, _p, { name, trainable }) => tf.layers.globalMaxPooling1d({ name, trainable }),
  keras: { className: 'GlobalMaxPooling1D' },
});
