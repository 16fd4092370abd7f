import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  { type: 'batchNormalization', params: {}, inputs: [[null, 64]] },
  { type: 'batchNormalization', params: { momentum: 0.9, epsilon: 1e-5 }, inputs: [[null, 28, 28, 16]] },
  { type: 'batchNormalization', params: { axis: 1 }, inputs: [[null, 8, 5, 5]] },
  { type: 'batchNormalization', params: { center: false, gammaRegularizer: { l1: 0, l2: 1e-4 } }, inputs: [[null, null, 12]] },
  { type: 'batchNormalization', params: { scale: false, movingVarianceInitializer: 'zeros' }, inputs: [[null, 3, 7]] },
  { type: 'batchNormalization', params: {}, inputs: [[null, 5, null]], rejects: true },
  { type: 'batchNormalization', params: { axis: 3 }, inputs: [[null, 2, 5]], rejects: true },
  { type: 'batchNormalization', params: { axis: 0 }, inputs: [[null, 6]], rejects: true },
  { type: 'layerNormalization', params: {}, inputs: [[null, 32]] },
  { type: 'layerNormalization', params: { axis: [1, 2] }, inputs: [[null, 5, 6]] },
  { type: 'layerNormalization', params: { axis: -1, epsilon: 1e-6, center: false }, inputs: [[null, null, 64]] },
  { type: 'layerNormalization', params: { axis: [-3, -2, -1], scale: false }, inputs: [[null, 4, 4, 3]] },
  { type: 'layerNormalization', params: { axis: 2, betaRegularizer: { l1: 0.001, l2: 0 } }, inputs: [[null, 7, 9]] },
  { type: 'layerNormalization', params: { axis: 3 }, inputs: [[null, 5, 6]], rejects: true },
  { type: 'layerNormalization', params: { axis: [1, -2] }, inputs: [[null, 5, 6]], rejects: true },
  { type: 'layerNormalization', params: {}, inputs: [[null, 5, null]], rejects: true },
];
