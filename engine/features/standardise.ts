/** Per-feature mean and standard deviation learnt on the training features. */
export interface Standardisation {
  mean: number[];
  std: number[];
}

/**
 * Mean and standard deviation of every column of `rows`. A constant column gets a deviation of 1 so
 * it standardises to zero instead of dividing by zero (ReLU features are often all zero).
 */
export function fitStandardisation(rows: readonly ArrayLike<number>[]): Standardisation {
  const width = rows[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const sq = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) mean[j] = (mean[j] as number) + (row[j] as number);
  for (let j = 0; j < width; j++) mean[j] = (mean[j] as number) / Math.max(1, rows.length);
  for (const row of rows)
    for (let j = 0; j < width; j++) {
      const d = (row[j] as number) - (mean[j] as number);
      sq[j] = (sq[j] as number) + d * d;
    }
  const std = sq.map((s) => {
    const sd = Math.sqrt(s / Math.max(1, rows.length));
    return sd > 1e-8 ? sd : 1;
  });
  return { mean, std };
}

/** The rows standardised with `s` (new arrays; the input is not changed). */
export function standardise(rows: readonly ArrayLike<number>[], s: Standardisation): number[][] {
  return rows.map((row) => {
    const out = new Array<number>(s.mean.length);
    for (let j = 0; j < s.mean.length; j++) out[j] = ((row[j] as number) - (s.mean[j] as number)) / (s.std[j] as number);
    return out;
  });
}
