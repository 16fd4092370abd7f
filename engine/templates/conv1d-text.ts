import { GraphBuilder } from './builder';
import type { Template } from './index';

/**
 * The fast text classifier: convolutions over word vectors find short phrases that mark a class,
 * and global max pooling keeps whether each phrase occurred anywhere. Trains several times faster
 * than the LSTM, since every position is computed at once.
 */
export const conv1dText: Template = {
  name: 'conv1d-text',
  title: '1-D CNN text classifier',
  description:
    'Classifies a sentence from its word ids by the phrases it contains: an Embedding learns word meanings, 1-D convolutions spot phrases of a few words, max pooling keeps the strongest.',
  data: 'text',
  build() {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [100], dtype: 'int32' });
    g.chain(x, [
      ['embedding', { inputDim: 10000, outputDim: 32 }],
      ['conv1d', { filters: 64, kernelSize: 3, activation: 'relu', padding: 'same' }],
      ['globalMaxPooling1d', {}],
      ['dropout', { rate: 0.3 }],
      ['dense', { units: 2, activation: 'softmax' }],
    ]);
    return g.build('1-D CNN text classifier', { loss: 'categoricalCrossentropy', epochs: 5, batchSize: 32 });
  },
};
