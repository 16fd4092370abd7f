import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  // SimpleRNN
  { type: 'simpleRnn', params: { units: 4 }, inputs: [[null, 10, 8]] },
  { type: 'simpleRnn', params: { units: 6, returnSequences: true, activation: 'relu', useBias: false }, inputs: [[null, null, 3]] },
  { type: 'simpleRnn', params: { units: 5, returnState: true, goBackwards: true }, inputs: [[null, 7, 2]] },
  {
    type: 'simpleRnn',
    params: { units: 3, returnSequences: true, returnState: true, dropout: 0.2, recurrentDropout: 0.1 },
    inputs: [[4, 6, 5]],
  },
  { type: 'simpleRnn', params: { units: 4 }, inputs: [[null, 8]], rejects: true },
  { type: 'simpleRnn', params: { units: 4 }, inputs: [[null, 10, null]], rejects: true },
  { type: 'simpleRnn', params: { units: 4 }, inputs: [[null, 4, 4, 3]], rejects: true },

  // LSTM
  { type: 'lstm', params: { units: 4 }, inputs: [[null, 10, 8]] },
  {
    type: 'lstm',
    params: { units: 8, returnSequences: true, unitForgetBias: true, kernelRegularizer: { l1: 0, l2: 0.01 } },
    inputs: [[null, null, 16]],
  },
  { type: 'lstm', params: { units: 3, returnState: true }, inputs: [[null, 5, 2]] },
  {
    type: 'lstm',
    params: { units: 3, returnSequences: true, returnState: true, recurrentActivation: 'sigmoid', useBias: false, unroll: true },
    inputs: [[null, 12, 1]],
  },
  { type: 'lstm', params: { units: 4 }, inputs: [[null, 10]], rejects: true },
  { type: 'lstm', params: { units: 4, returnSequences: true }, inputs: [[null, null, null]], rejects: true },

  // GRU
  { type: 'gru', params: { units: 4 }, inputs: [[null, 10, 8]] },
  { type: 'gru', params: { units: 16, returnSequences: true, recurrentActivation: 'sigmoid' }, inputs: [[null, null, 20]] },
  { type: 'gru', params: { units: 2, returnState: true, useBias: false, goBackwards: true }, inputs: [[null, 3, 7]] },
  {
    type: 'gru',
    params: { units: 5, returnSequences: true, returnState: true, kernelInitializer: 'heNormal', biasRegularizer: { l1: 0.1, l2: 0 } },
    inputs: [[null, 9, 4]],
  },
  { type: 'gru', params: { units: 4 }, inputs: [[null, 10, 8, 1]], rejects: true },
  { type: 'gru', params: { units: 4 }, inputs: [[null, 5, null]], rejects: true },

  // ConvLSTM2D
  { type: 'convLstm2d', params: { filters: 4, kernelSize: 3 }, inputs: [[null, 5, 10, 10, 3]] },
  {
    type: 'convLstm2d',
    params: { filters: 2, kernelSize: [3, 5], padding: 'same', returnSequences: true, returnState: true },
    inputs: [[null, null, 8, 9, 1]],
  },
  {
    type: 'convLstm2d',
    params: { filters: 3, kernelSize: 3, dataFormat: 'channelsFirst', returnState: true },
    inputs: [[null, 4, 2, 10, 12]],
  },
  { type: 'convLstm2d', params: { filters: 4, kernelSize: 3, strides: 2 }, inputs: [[null, 5, null, null, 3]] },
  {
    type: 'convLstm2d',
    params: { filters: 2, kernelSize: 2, dilationRate: 2, useBias: false, unitForgetBias: true, returnSequences: true },
    inputs: [[null, 6, 9, 9, 2]],
  },
  { type: 'convLstm2d', params: { filters: 4, kernelSize: 3 }, inputs: [[null, 8, 8, 3]], rejects: true },
  { type: 'convLstm2d', params: { filters: 4, kernelSize: 3 }, inputs: [[null, 5, 8, 8, null]], rejects: true },
];
