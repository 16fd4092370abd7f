import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  { type: 'input', params: { shape: [28, 28, 1] }, inputs: [] },
  { type: 'input', params: { shape: [4] }, inputs: [] },
  { type: 'input', params: { shape: [null, 16], dtype: 'int32' }, inputs: [] },
  { type: 'dense', params: { units: 10 }, inputs: [[null, 784]] },
  { type: 'dense', params: { units: 3, useBias: false, activation: 'softmax' }, inputs: [[null, 4]] },
  { type: 'dense', params: { units: 16 }, inputs: [[null, 5, 8]] },
  { type: 'dense', params: { units: 7 }, inputs: [[null, 2, 3, 4]] },
  { type: 'dense', params: { units: 4 }, inputs: [[null, null]], rejects: true },
];
