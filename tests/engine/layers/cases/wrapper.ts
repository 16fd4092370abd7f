import type { ParityCase } from '../parity';

const lstm = (params: Record<string, unknown>) => ({ type: 'lstm', params });
const gru = (params: Record<string, unknown>) => ({ type: 'gru', params });

export const cases: ParityCase[] = [
  // Bidirectional: every merge mode, with and without sequences and states.
  { type: 'bidirectional', params: { layer: lstm({ units: 4 }) }, inputs: [[null, 10, 8]] },
  { type: 'bidirectional', params: { layer: gru({ units: 3, returnSequences: true }), mergeMode: 'sum' }, inputs: [[null, null, 5]] },
  {
    type: 'bidirectional',
    params: { layer: { type: 'simpleRnn', params: { units: 6, returnState: true } }, mergeMode: 'mul' },
    inputs: [[null, 7, 2]],
  },
  {
    type: 'bidirectional',
    params: { layer: lstm({ units: 5, returnSequences: true, returnState: true, goBackwards: true }), mergeMode: 'ave' },
    inputs: [[null, 9, 3]],
  },
  { type: 'bidirectional', params: { layer: lstm({ units: 4, returnState: true }), mergeMode: null }, inputs: [[null, 5, 4]] },
  { type: 'bidirectional', params: { layer: gru({ units: 2, returnSequences: true }), mergeMode: null }, inputs: [[null, 6, 2]] },
  { type: 'bidirectional', params: { layer: lstm({ units: 3, returnState: true }), mergeMode: 'concat' }, inputs: [[null, null, 3]] },
  {
    type: 'bidirectional',
    params: { layer: { type: 'convLstm2d', params: { filters: 2, kernelSize: 3, returnSequences: true, returnState: true } } },
    inputs: [[null, 4, 8, 8, 1]],
  },
  // TF.js concatenates the two directions on the last axis even for channels-first frames (here: width).
  {
    type: 'bidirectional',
    params: { layer: { type: 'convLstm2d', params: { filters: 2, kernelSize: 3, dataFormat: 'channelsFirst' } } },
    inputs: [[null, 3, 2, 6, 7]],
  },
  { type: 'bidirectional', params: { layer: lstm({ units: 4 }) }, inputs: [[null, 8]], rejects: true },
  { type: 'bidirectional', params: { layer: gru({ units: 4 }) }, inputs: [[null, 5, null]], rejects: true },
  { type: 'bidirectional', params: { layer: { type: 'convLstm2d', params: { filters: 2 } } }, inputs: [[null, 5, 8]], rejects: true },

  // TimeDistributed: dense, conv2d, recurrent and nested wrappers, known and unknown step counts.
  { type: 'timeDistributed', params: { layer: { type: 'dense', params: { units: 4 } } }, inputs: [[null, 10, 8]] },
  { type: 'timeDistributed', params: { layer: { type: 'dense', params: { units: 3, activation: 'relu' } } }, inputs: [[null, null, 6]] },
  { type: 'timeDistributed', params: { layer: { type: 'dense', params: { units: 7, useBias: false } } }, inputs: [[null, 5, 3, 8]] },
  { type: 'timeDistributed', params: { layer: { type: 'conv2d', params: { filters: 4, kernelSize: 3 } } }, inputs: [[null, 6, 28, 28, 1]] },
  {
    type: 'timeDistributed',
    params: { layer: { type: 'conv2d', params: { filters: 2, kernelSize: 3, strides: 2, padding: 'same' } } },
    inputs: [[null, null, 16, 15, 3]],
  },
  { type: 'timeDistributed', params: { layer: lstm({ units: 3 }) }, inputs: [[null, 6, 5, 8]] },
  {
    type: 'timeDistributed',
    params: { layer: { type: 'bidirectional', params: { layer: gru({ units: 2 }) } } },
    inputs: [[null, 4, 6, 3]],
  },
  {
    type: 'timeDistributed',
    params: { layer: { type: 'timeDistributed', params: { layer: { type: 'dense', params: { units: 3 } } } } },
    inputs: [[null, 6, 4, 4]],
  },
  // The CNN-per-frame stack of video models: pool each frame, then summarise it.
  { type: 'timeDistributed', params: { layer: { type: 'maxPooling2d', params: { poolSize: 2 } } }, inputs: [[null, 8, 26, 26, 4]] },
  { type: 'timeDistributed', params: { layer: { type: 'globalAveragePooling2d', params: {} } }, inputs: [[null, null, 13, 13, 4]] },
  { type: 'timeDistributed', params: { layer: { type: 'dense', params: { units: 4 } } }, inputs: [[null, 8]], rejects: true },
  { type: 'timeDistributed', params: { layer: { type: 'dense', params: { units: 4 } } }, inputs: [[null, 6, null]], rejects: true },
  {
    type: 'timeDistributed',
    params: { layer: { type: 'conv2d', params: { filters: 4, kernelSize: 3 } } },
    inputs: [[null, 5, 8, 8, null]],
    rejects: true,
  },
];
