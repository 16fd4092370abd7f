import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  { type: 'zeroPadding2d', params: {}, inputs: [[null, 4, 5, 3]] },
  { type: 'zeroPadding2d', params: { padding: [1, 2] }, inputs: [[null, 4, 5, 3]] },
  {
    type: 'zeroPadding2d',
    params: {
      padding: [
        [1, 2],
        [3, 4],
      ],
      dataFormat: 'channelsFirst',
    },
    inputs: [[null, 3, 4, 5]],
  },
  { type: 'zeroPadding2d', params: { padding: 2 }, inputs: [[null, null, 5, null]] },
  { type: 'zeroPadding2d', params: { padding: 1 }, inputs: [[null, 4, 5]], rejects: true },
  { type: 'cropping2d', params: { cropping: 1 }, inputs: [[null, 4, 5, 3]] },
  { type: 'cropping2d', params: { cropping: [1, 2] }, inputs: [[null, 6, 5, 3]] },
  {
    type: 'cropping2d',
    params: {
      cropping: [
        [1, 0],
        [0, 2],
      ],
      dataFormat: 'channelsFirst',
    },
    inputs: [[null, 3, 4, 5]],
  },
  // TF.js reports negative sizes for unknown heights or widths (it subtracts from null), so the
  // rows keep spatial sizes known; an unknown batch and channel axis are fine.
  { type: 'cropping2d', params: {}, inputs: [[2, 6, 6, null]] },
  { type: 'cropping2d', params: { cropping: 1 }, inputs: [[null, 4, 5]], rejects: true },
  { type: 'upSampling2d', params: {}, inputs: [[null, 4, 5, 3]] },
  { type: 'upSampling2d', params: { size: [2, 3], dataFormat: 'channelsFirst', interpolation: 'bilinear' }, inputs: [[null, 3, 4, 5]] },
  { type: 'upSampling2d', params: { size: [3, 1] }, inputs: [[null, null, 5, 3]] },
  { type: 'upSampling2d', params: {}, inputs: [[null, 4, 5, 3, 3]], rejects: true },
];
