import type { ParityCase } from '../parity';

export const cases: ParityCase[] = [
  {
    type: 'add',
    params: {},
    inputs: [
      [null, 8],
      [null, 8],
    ],
  },
  {
    type: 'add',
    params: {},
    inputs: [
      [null, 4, 4, 3],
      [null, 4, 4, 3],
      [null, 4, 4, 3],
    ],
  },
  {
    type: 'add',
    params: {},
    inputs: [
      [null, 5, 6],
      [null, 1, 6],
    ],
  },
  {
    type: 'add',
    params: {},
    inputs: [
      [null, 5],
      [null, 6],
    ],
    rejects: true,
  },
  {
    type: 'concatenate',
    params: {},
    inputs: [
      [null, 8],
      [null, 4],
    ],
  },
  {
    type: 'concatenate',
    params: { axis: 1 },
    inputs: [
      [null, 3, 5],
      [null, 2, 5],
    ],
  },
  {
    type: 'concatenate',
    params: {},
    inputs: [
      [null, 7, 7, 16],
      [null, 7, 7, 32],
      [null, 7, 7, 1],
    ],
  },
  {
    type: 'concatenate',
    params: {},
    inputs: [
      [null, 7, 7, 16],
      [null, 6, 7, 32],
    ],
    rejects: true,
  },
];
