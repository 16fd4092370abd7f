import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  { type: 'dropout', params: {}, inputs: [[null, 128]] },
  { type: 'dropout', params: { rate: 0.25, seed: 42 }, inputs: [[null, 14, 14, 32]] },
  { type: 'dropout', params: { rate: 0.1, noiseShape: [null, 1, 16] }, inputs: [[null, 20, 16]] },
  { type: 'dropout', params: { rate: 0 }, inputs: [[null, null, 8]] },
  { type: 'spatialDropout1d', params: {}, inputs: [[null, 50, 64]] },
  { type: 'spatialDropout1d', params: { rate: 0.4, seed: 7 }, inputs: [[null, null, 8]] },
  { type: 'spatialDropout1d', params: { rate: 0.1 }, inputs: [[null, 10, null]] },
  { type: 'spatialDropout1d', params: {}, inputs: [[null, 64]], rejects: true },
  { type: 'spatialDropout1d', params: {}, inputs: [[null, 8, 8, 3]], rejects: true },
  { type: 'gaussianNoise', params: {}, inputs: [[null, 4]] },
  { type: 'gaussianNoise', params: { stddev: 0.5 }, inputs: [[null, 28, 28, 1]] },
  { type: 'gaussianNoise', params: { stddev: 2 }, inputs: [[null, null, 6]] },
  { type: 'gaussianDropout', params: {}, inputs: [[null, 32]] },
  { type: 'gaussianDropout', params: { rate: 0.5 }, inputs: [[null, 5, 5, 3]] },
  { type: 'gaussianDropout', params: { rate: 0.05 }, inputs: [[null, null, 10]] },
  { type: 'alphaDropout', params: {}, inputs: [[null, 64]] },
  { type: 'alphaDropout', params: { rate: 0.05 }, inputs: [[null, 12, 4]] },
  { type: 'alphaDropout', params: { rate: 0.3 }, inputs: [[null, 2, 3, 4]] },
];
