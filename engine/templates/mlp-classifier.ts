import { GraphBuilder } from './builder';
import type { Template } from './index';

export const mlpClassifier: Template = {
  name: 'mlp',
  title: 'MLP classifier',
  description:
    'Rows of numbers in, one class out: the first model to try on a table of measurements (Iris, sensor readings, survey answers).',
  data: 'tabular',
  build() {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [2] });
    g.chain(x, [
      ['dense', { units: 32, activation: 'relu' }],
      ['dense', { units: 32, activation: 'relu' }],
      ['dense', { units: 3, activation: 'softmax' }],
    ]);
    return g.build('MLP classifier', { loss: 'categoricalCrossentropy', learningRate: 0.01, epochs: 50, batchSize: 32 });
  },
};
