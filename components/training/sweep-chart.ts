import { keyWords } from '@/engine/graph/change-words';

/** What the sweep chart needs of a sweep: its axes and, per run, its grid point's values and figures. */
export interface SweepPoints {
  axes: { setting: string; values: (number | string)[] }[];
  runs: { values: Record<string, string>; figures: Record<string, number> | null }[];
}

export interface SweepChart {
  /** Positions along the x-axis: the swept values, or their index when they are words (optimizers). */
  x: number[];
  xLabel: string;
  /** Tick labels by position, when the swept values are words. */
  xTicks?: string[];
  /** Logarithmic x-axis: the values span more than a factor of 20 (learning rates). */
  xLog: boolean;
  /** One series per combination of the other axes' values (one series for a one-axis sweep). */
  series: { label: string; values: (number | null)[] }[];
}

/** A sweep setting in words: `learningRate` → "Learning rate", `units:dense_1` → "Units of dense_1". */
export function settingWords(setting: string): string {
  return setting.startsWith('units:') ? `Units of ${setting.slice(6)}` : keyWords(setting);
}

/**
 * The chart of one figure along a sweep: the first axis's values on the x-axis (sorted, numbers at
 * their value), one line per combination of the other axes.
 *
 * @example
 * sweepChart({ axes: [{ setting: 'learningRate', values: [0.1, 0.01] }], runs }, 'testAccuracy').x // [0.01, 0.1]
 */
export function sweepChart(sweep: SweepPoints, key: string): SweepChart {
  const [first, ...others] = sweep.axes;
  if (!first) return { x: [], xLabel: '', xLog: false, series: [] };
  const numeric = first.values.every((v) => typeof v === 'number');
  const ordered = numeric ? [...(first.values as number[])].sort((a, b) => a - b) : first.values.map(String);
  const x = numeric ? (ordered as number[]) : ordered.map((_, i) => i);
  const position = new Map(ordered.map((v, i) => [String(v), i]));
  const lines = new Map<string, (number | null)[]>();
  for (const run of sweep.runs) {
    const label = others.map((a) => `${settingWords(a.setting)} ${run.values[a.setting] ?? '–'}`).join(', ') || keyWords(key);
    const values = lines.get(label) ?? ordered.map(() => null);
    const at = position.get(String(numeric ? Number(run.values[first.setting]) : run.values[first.setting]));
    if (at !== undefined) values[at] = run.figures?.[key] ?? null;
    lines.set(label, values);
  }
  const positive = numeric && (ordered as number[]).every((v) => v > 0);
  const span = positive ? Math.max(...(ordered as number[])) / Math.min(...(ordered as number[])) : 1;
  return {
    x,
    xLabel: settingWords(first.setting),
    ...(numeric ? {} : { xTicks: ordered as string[] }),
    xLog: positive && span > 20,
    series: [...lines].map(([label, values]) => ({ label, values })),
  };
}
