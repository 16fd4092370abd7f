import type { Row } from './world';

/** Datasets: built-ins, team datasets, versions, batches, samples, uploads. */
export const rows: Row[] = [
  { file: 'builtin-datasets', method: 'GET', path: () => '/api/builtin-datasets', expect: [401, 200, 200, 200, 200] },
  { file: 'builtin-datasets/[name]/meta', method: 'GET', path: () => '/api/builtin-datasets/iris/meta', expect: [401, 200, 200, 200, 200] },
  {
    file: 'builtin-datasets/[name]/batches',
    method: 'GET',
    path: () => '/api/builtin-datasets/iris/batches?split=train&limit=8&seed=1',
    expect: [401, 200, 200, 200, 200],
  },
];
