import { GraphBuilder } from './builder';
import type { Template } from './index';

export const lenet5: Template = {
  name: 'lenet5',
  title: 'LeNet-5',
  description: 'The classic small CNN for 28×28 grey images such as handwritten digits: fast to train, a good first image model.',
  data: 'image',
  build() {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [28, 28, 1] });
    g.chain(x, [
      ['conv2d', { filters: 6, kernelSize: 5, padding: 'same', activation: 'relu' }],
      ['maxPooling2d', { poolSize: 2 }],
      ['conv2d', { filters: 16, kernelSize: 5, activation: 'relu' }],
      ['maxPooling2d', { poolSize: 2 }],
      ['flatten', {}],
      ['dense', { units: 120, activation: 'relu' }],
      ['dense', { units: 84, activation: 'relu' }],
      ['dense', { units: 10, activation: 'softmax' }],
    ]);
    return g.build('LeNet-5', { loss: 'categoricalCrossentropy', epochs: 5, batchSize: 64 });
  },
};
