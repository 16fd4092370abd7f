import { GraphBuilder } from './builder';
import type { Template } from './index';

export const cnn1dSignals: Template = {
  name: 'cnn1d-signals',
  title: '1-D CNN for signals',
  description:
    'Finds patterns in time series such as ECG, vibration or accelerometer traces: 1-D convolutions slide along time, pooling summarises.',
  data: 'sequence',
  build() {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [128, 1] });
    g.chain(x, [
      ['conv1d', { filters: 16, kernelSize: 7, activation: 'relu' }],
      ['maxPooling1d', { poolSize: 2 }],
      ['conv1d', { filters: 32, kernelSize: 5, activation: 'relu' }],
      ['maxPooling1d', { poolSize: 2 }],
      ['conv1d', { filters: 64, kernelSize: 3, activation: 'relu' }],
      ['globalAveragePooling1d', {}],
      ['dense', { units: 4, activation: 'softmax' }],
    ]);
    return g.build('1-D CNN for signals', { loss: 'categoricalCrossentropy', epochs: 20, batchSize: 32 });
  },
};
