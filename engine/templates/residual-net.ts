import { GraphBuilder } from './builder';
import type { Template } from './index';

export const residualNet: Template = {
  name: 'resnet-small',
  title: 'Residual network',
  description:
    'Convolution blocks with skip connections (Add) that let deeper image models train well: use it when a plain CNN stops improving as you add layers.',
  data: 'image',
  build() {
    const g = new GraphBuilder();
    const input = g.add('input', { shape: [32, 32, 3] });
    let x = g.chain(input, [
      ['conv2d', { filters: 32, kernelSize: 3, padding: 'same', useBias: false }],
      ['batchNormalization', {}],
      ['relu', {}],
    ]);
    for (let block = 0; block < 3; block++) {
      const branch = g.chain(x, [
        ['conv2d', { filters: 32, kernelSize: 3, padding: 'same', useBias: false }],
        ['batchNormalization', {}],
        ['relu', {}],
        ['conv2d', { filters: 32, kernelSize: 3, padding: 'same', useBias: false }],
        ['batchNormalization', {}],
      ]);
      const sum = g.add('add', {}, [x, branch]);
      x = g.add('relu', {}, [sum]);
    }
    g.chain(x, [
      ['globalAveragePooling2d', {}],
      ['dense', { units: 10, activation: 'softmax' }],
    ]);
    return g.build('Residual network', { loss: 'categoricalCrossentropy', epochs: 10, batchSize: 64 });
  },
};
