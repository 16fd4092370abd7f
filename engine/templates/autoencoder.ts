import { GraphBuilder } from './builder';
import type { Template } from './index';

export const autoencoder: Template = {
  name: 'autoencoder',
  title: 'Autoencoder',
  description:
    'Squeezes each image through a small code and rebuilds it: for denoising, compression, and spotting unusual samples (they rebuild badly).',
  data: 'image',
  build() {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [28, 28, 1] });
    g.chain(x, [
      ['flatten', {}],
      ['dense', { units: 128, activation: 'relu' }],
      ['dense', { units: 32, activation: 'relu' }],
      ['dense', { units: 128, activation: 'relu' }],
      ['dense', { units: 784, activation: 'sigmoid' }],
      ['reshape', { targetShape: [28, 28, 1] }],
    ]);
    return g.build('Autoencoder', { loss: 'meanSquaredError', metrics: ['mse'], epochs: 10, batchSize: 64 });
  },
};
