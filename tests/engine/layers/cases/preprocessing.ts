import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  { type: 'rescaling', params: {}, inputs: [[null, 28, 28, 1]] },
  { type: 'rescaling', params: { scale: 1 / 127.5, offset: -1 }, inputs: [[null, 32, 32, 3]] },
  { type: 'rescaling', params: { scale: 2, offset: 0.5 }, inputs: [[null, 10]] },
  { type: 'rescaling', params: { scale: 0.1 }, inputs: [[null, null, 4]] },
  { type: 'centerCrop', params: {}, inputs: [[null, 256, 256, 3]] },
  { type: 'centerCrop', params: { height: 20, width: 10 }, inputs: [[null, 28, 28, 1]] },
  { type: 'centerCrop', params: { height: 64, width: 48 }, inputs: [[null, 32, 32, 3]] },
  { type: 'centerCrop', params: { height: 8, width: 8 }, inputs: [[null, null, null, 3]] },
  { type: 'resizing', params: {}, inputs: [[null, 128, 96, 3]] },
  { type: 'resizing', params: { height: 16, width: 20, interpolation: 'nearest' }, inputs: [[null, 32, 32, 1]] },
  { type: 'resizing', params: { height: 64, width: 64, cropToAspectRatio: true }, inputs: [[null, null, null, 3]] },
  { type: 'categoryEncoding', params: {}, inputs: [[null, 4]] },
  { type: 'categoryEncoding', params: { numTokens: 5, outputMode: 'count' }, inputs: [[null, 3]] },
  { type: 'categoryEncoding', params: { numTokens: 12, outputMode: 'oneHot' }, inputs: [[null, 1]] },
  { type: 'categoryEncoding', params: { numTokens: 3, outputMode: 'oneHot' }, inputs: [[null]] },
  { type: 'categoryEncoding', params: { numTokens: 20, outputMode: 'multiHot' }, inputs: [[null, null]] },
  { type: 'randomWidth', params: {}, inputs: [[null, 32, 32, 3]] },
  { type: 'randomWidth', params: { factor: [-0.1, 0.3], interpolation: 'nearest' }, inputs: [[null, 64, 48, 1]] },
  { type: 'randomWidth', params: { factor: 0.5, seed: 3 }, inputs: [[null, null, null, 3]] },
  { type: 'randomWidth', params: { factor: [0.3, 0.1] }, inputs: [[null, 32, 32, 3]], rejects: true },
];
