import { SPLIT } from '@/engine/data/dataset';
import type { Normalisation } from '@/engine/data/meta';
import type { CsvIngest } from '@/server/datasets/ingest/csv';
import type { Column } from '@/server/datasets/manifest';

/**
 * How a table's staged rows become stored features: numeric columns as they are, categorical ones
 * one-hot (one value per category), missing values filled with the training split's mean (numeric)
 * or most frequent category. Also gathers the normalisation statistics over the training split.
 */
export interface TabularLayout {
  featureNames: string[];
  sampleSize: number;
  /** Which stored values are one-hot (left unscaled by normalisation). */
  oneHot: boolean[];
  transform(record: Uint8Array, out: Float32Array): void;
  fillNotes: string[];
}

export function tabularLayout(ingest: CsvIngest, order: Int32Array, split: Uint8Array): TabularLayout {
  const { staging, columns, featureColumns } = ingest;
  const width = featureColumns.length;
  // Fill values from the training rows only.
  const sums = new Float64Array(width);
  const counts = new Float64Array(width);
  const categoryCounts = featureColumns.map((c) => new Float64Array(columns[c]!.categories?.length ?? 0));
  const record = new Uint8Array(staging.recordBytes);
  const values = new Float32Array(record.buffer);
  for (let p = 0; p < order.length; p++) {
    if (split[p] !== SPLIT.train) continue;
    staging.read(order[p] as number, record);
    for (let k = 0; k < width; k++) {
      const v = values[k] as number;
      if (Number.isNaN(v)) continue;
      if (columns[featureColumns[k]!]!.type === 'categorical') categoryCounts[k]![v] = (categoryCounts[k]![v] as number) + 1;
      else {
        sums[k] = (sums[k] as number) + v;
        counts[k] = (counts[k] as number) + 1;
      }
    }
  }
  const fill = featureColumns.map((c, k) => {
    if (columns[c]!.type === 'categorical') {
      const tally = categoryCounts[k] as Float64Array;
      return tally.indexOf(Math.max(...tally, 0));
    }
    return (counts[k] as number) > 0 ? (sums[k] as number) / (counts[k] as number) : 0;
  });
  const fillNotes = featureColumns.flatMap((c, k) => {
    const column = columns[c]!;
    if (column.missing === 0) return [];
    const value =
      column.type === 'categorical' ? `"${column.categories?.[fill[k] as number] ?? ''}"` : Number((fill[k] as number).toPrecision(6));
    return [`${column.missing} missing value(s) in "${column.name}" filled with ${value}.`];
  });
  const featureNames: string[] = [];
  const oneHot: boolean[] = [];
  const offsets: number[] = [];
  for (const c of featureColumns) {
    const column = columns[c]!;
    offsets.push(featureNames.length);
    if (column.type === 'categorical') {
      for (const category of column.categories ?? []) {
        featureNames.push(`${column.name}=${category}`);
        oneHot.push(true);
      }
    } else {
      featureNames.push(column.name);
      oneHot.push(false);
    }
  }
  const categorical = featureColumns.map((c) => columns[c]!.type === 'categorical');
  return {
    featureNames,
    sampleSize: featureNames.length,
    oneHot,
    fillNotes,
    transform(staged, out) {
      const v = new Float32Array(staged.buffer, staged.byteOffset, width);
      out.fill(0);
      for (let k = 0; k < width; k++) {
        const value = Number.isNaN(v[k]) ? (fill[k] as number) : (v[k] as number);
        if (categorical[k]) out[(offsets[k] as number) + value] = 1;
        else out[offsets[k] as number] = value;
      }
    },
  };
}

/** Which stored feature values are one-hot category indicators, from a version's columns. */
export function oneHotMask(columns: Column[]): boolean[] {
  return columns.flatMap((c) => (c.role !== 'feature' ? [] : c.type === 'categorical' ? (c.categories ?? []).map(() => true) : [false]));
}

/** Accumulates per-feature statistics over the training split, for the version's normalisation. */
export class StatisticsAccumulator {
  private n = 0;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;

  constructor(
    private readonly width: number,
    private readonly oneHot: boolean[],
  ) {
    this.sum = new Float64Array(width);
    this.sumSq = new Float64Array(width);
    this.min = new Float64Array(width).fill(Number.POSITIVE_INFINITY);
    this.max = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
  }

  add(values: Float32Array | Uint8Array, split: number): void {
    if (split !== SPLIT.train) return;
    this.n++;
    for (let i = 0; i < this.width; i++) {
      const v = values[i] as number;
      this.sum[i] = (this.sum[i] as number) + v;
      this.sumSq[i] = (this.sumSq[i] as number) + v * v;
      if (v < (this.min[i] as number)) this.min[i] = v;
      if (v > (this.max[i] as number)) this.max[i] = v;
    }
  }

  result(method: 'standard' | 'minmax' | 'none'): Normalisation {
    if (method === 'none' || this.n === 0) return { method: 'none' };
    const round = (x: number) => Number(x.toPrecision(7));
    const cols = Array.from({ length: this.width }, (_, i) => i);
    if (method === 'minmax') {
      return {
        method,
        min: cols.map((i) => (this.oneHot[i] ? 0 : round(this.min[i] as number))),
        max: cols.map((i) => (this.oneHot[i] ? 1 : round(this.max[i] as number))),
      };
    }
    return {
      method,
      mean: cols.map((i) => (this.oneHot[i] ? 0 : round((this.sum[i] as number) / this.n))),
      std: cols.map((i) => {
        if (this.oneHot[i]) return 1;
        const mean = (this.sum[i] as number) / this.n;
        const variance = Math.max(0, (this.sumSq[i] as number) / this.n - mean * mean);
        return round(Math.sqrt(variance)) || 1;
      }),
    };
  }
}
