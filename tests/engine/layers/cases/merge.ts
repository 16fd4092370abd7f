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
  {
    type: 'multiply',
    params: {},
    inputs: [
      [null, 16],
      [null, 16],
    ],
  },
  {
    type: 'multiply',
    params: {},
    inputs: [
      [null, 8, 8, 32],
      [null, 1, 1, 32],
    ],
  },
  {
    type: 'multiply',
    params: {},
    inputs: [
      [null, 5, 4],
      [null, 4],
      [null, 5, 4],
    ],
  },
  {
    type: 'multiply',
    params: {},
    inputs: [
      [null, 16],
      [null, 8],
    ],
    rejects: true,
  },
  {
    type: 'average',
    params: {},
    inputs: [
      [null, 10],
      [null, 10],
      [null, 10],
    ],
  },
  {
    type: 'average',
    params: {},
    inputs: [
      [null, null, 6],
      [null, 3, 6],
    ],
  },
  {
    type: 'average',
    params: {},
    inputs: [
      [null, 4, 4, 2],
      [null, 4, 4, 2],
    ],
  },
  {
    type: 'average',
    params: {},
    inputs: [
      [null, 4, 3],
      [null, 5, 3],
    ],
    rejects: true,
  },
  {
    type: 'maximum',
    params: {},
    inputs: [
      [null, 3],
      [null, 3],
    ],
  },
  {
    type: 'maximum',
    params: {},
    inputs: [
      [null, 7, 2],
      [null, 7, 1],
    ],
  },
  {
    type: 'maximum',
    params: {},
    inputs: [
      [null, 2, 2, 2],
      [null, 2, 2, 2],
      [null, 2, 2, 2],
      [null, 2, 2, 2],
    ],
  },
  {
    type: 'maximum',
    params: {},
    inputs: [
      [null, 3],
      [null, 4],
    ],
    rejects: true,
  },
  {
    type: 'minimum',
    params: {},
    inputs: [
      [null, 12],
      [null, 12],
    ],
  },
  {
    type: 'minimum',
    params: {},
    inputs: [
      [null, 6, 6, 1],
      [null, 6, 6, 8],
    ],
  },
  {
    type: 'minimum',
    params: {},
    inputs: [
      [null, null, 4],
      [null, null, 4],
    ],
  },
  {
    type: 'minimum',
    params: {},
    inputs: [
      [null, 2, 5],
      [null, 3, 5],
    ],
    rejects: true,
  },
  {
    type: 'dot',
    params: { axes: 1 },
    inputs: [
      [null, 4],
      [null, 4],
    ],
  },
  {
    type: 'dot',
    params: {},
    inputs: [
      [null, 3, 4],
      [null, 5, 4],
    ],
  },
  {
    type: 'dot',
    params: { axes: [1, 1] },
    inputs: [
      [null, 3, 4],
      [null, 3, 5],
    ],
  },
  {
    type: 'dot',
    params: { axes: [2, 1], normalize: true },
    inputs: [
      [null, 3, 4],
      [null, 4],
    ],
  },
  {
    type: 'dot',
    params: { axes: [1, 2] },
    inputs: [
      [null, 6],
      [null, 2, 6],
    ],
  },
  {
    type: 'dot',
    params: { axes: 1 },
    inputs: [
      [null, 4],
      [null, 5],
    ],
    rejects: true,
  },
  {
    type: 'dot',
    params: { axes: 1 },
    inputs: [
      [null, null],
      [null, 5],
    ],
    rejects: true,
  },
  {
    type: 'dot',
    params: {},
    inputs: [
      [null, 2, 3, 4],
      [null, 2, 3, 4],
    ],
    rejects: true,
  },
  {
    type: 'dot',
    params: {},
    inputs: [
      [null, 4],
      [null, 4],
      [null, 4],
    ],
    rejects: true,
  },
];
