import Papa from 'papaparse';
import type { Predictions } from '@/server/predict/schemas';

type Prediction = Predictions['predictions'][number];

/** One CSV line per prediction: what it was made from, the predicted class and its probability, then the top-k. */
export function resultsCsv(items: { source: string; prediction: Prediction | null; error?: string }[]): string {
  const rows = items.map(({ source, prediction, error }) => {
    if (!prediction) return { input: source, prediction: '', probability: '', top: '', error: error ?? '' };
    if ('values' in prediction) return { input: source, prediction: prediction.values.join(' '), probability: '', top: '', error: '' };
    return {
      input: source,
      prediction: prediction.label,
      probability: prediction.top[0]?.probability.toFixed(4) ?? '',
      top: prediction.top.map((t) => `${t.label}:${t.probability.toFixed(4)}`).join(' '),
      error: '',
    };
  });
  return Papa.unparse(rows, { columns: ['input', 'prediction', 'probability', 'top', 'error'] });
}

/**
 * Numeric rows of a CSV for a network taking `width` values: a header line of names is skipped, and
 * a row with one value too many is read as features plus its label (dropped). Returns the rows or
 * the first problem, in words.
 */
export function csvRows(text: string, width: number): { rows: number[][] } | { problem: string } {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const lines = parsed.data;
  const numeric = (cells: string[]) => cells.every((c) => c.trim() !== '' && Number.isFinite(Number(c)));
  const start = lines[0] && !numeric(lines[0].slice(0, width)) ? 1 : 0;
  const rows: number[][] = [];
  for (let i = start; i < lines.length; i++) {
    const cells = lines[i] as string[];
    const values = cells.length === width + 1 ? cells.slice(0, width) : cells;
    if (values.length !== width) return { problem: `Line ${i + 1} has ${cells.length} values; the network takes ${width}.` };
    if (!numeric(values)) return { problem: `Line ${i + 1} has a value that is not a number.` };
    rows.push(values.map(Number));
  }
  if (rows.length === 0) return { problem: 'The CSV has no rows of numbers.' };
  return { rows };
}
