import { GraphBuilder } from './builder';
import type { Template } from './index';

export const lstmText: Template = {
  name: 'lstm-text',
  title: 'LSTM text classifier',
  description:
    'Reads a sentence as word ids and classifies it (sentiment, topic, intent): an Embedding learns word meanings, an LSTM reads them in order.',
  data: 'text',
  build() {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [100], dtype: 'int32' });
    g.chain(x, [
      ['embedding', { inputDim: 10000, outputDim: 64 }],
      ['lstm', { units: 64 }],
      ['dropout', { rate: 0.3 }],
      ['dense', { units: 2, activation: 'softmax' }],
    ]);
    return g.build('LSTM text classifier', { loss: 'categoricalCrossentropy', epochs: 5, batchSize: 32 });
  },
};
