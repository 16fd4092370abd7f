import { GraphBuilder } from './builder';
import type { Template } from './index';

export const vggSmall: Template = {
  name: 'vgg-small',
  title: 'Small VGG-style CNN',
  description:
    'Stacks of 3×3 convolutions and pooling for small colour photos (32×32 RGB): a solid baseline for image classes that differ in texture and shape.',
  data: 'image',
  build() {
    const g = new GraphBuilder();
    let x = g.add('input', { shape: [32, 32, 3] });
    for (const filters of [32, 64, 128]) {
      x = g.chain(x, [
        ['conv2d', { filters, kernelSize: 3, padding: 'same', activation: 'relu' }],
        ['conv2d', { filters, kernelSize: 3, padding: 'same', activation: 'relu' }],
        ['maxPooling2d', { poolSize: 2 }],
      ]);
    }
    g.chain(x, [
      ['flatten', {}],
      ['dense', { units: 128, activation: 'relu' }],
      ['dropout', { rate: 0.5 }],
      ['dense', { units: 10, activation: 'softmax' }],
    ]);
    return g.build('Small VGG', { loss: 'categoricalCrossentropy', epochs: 10, batchSize: 64 });
  },
};
