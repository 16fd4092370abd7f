import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  { type: 'conv2d', params: { filters: 8, kernelSize: 3 }, inputs: [[null, 28, 28, 1]] },
  { type: 'conv2d', params: { filters: 16, kernelSize: [5, 3], strides: 2, padding: 'same' }, inputs: [[null, 32, 31, 3]] },
  { type: 'conv2d', params: { filters: 4, kernelSize: 3, dilationRate: 2, useBias: false }, inputs: [[null, 20, 20, 2]] },
  { type: 'conv2d', params: { filters: 4, kernelSize: 3, strides: [2, 1] }, inputs: [[null, null, null, 3]] },
  { type: 'conv2d', params: { filters: 4, kernelSize: 3 }, inputs: [[null, 28, 28]], rejects: true },
];
