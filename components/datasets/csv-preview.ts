import Papa from 'papaparse';
import { isMissingCell, isNumericCell } from '@/engine/data/cells';

export type ColumnType = 'numeric' | 'categorical' | 'ignored';

export interface CsvPreview {
  columns: string[];
  rows: string[][];
  types: ColumnType[];
  /** Missing cells per column in the preview rows. */
  missing: number[];
}

/** The first rows of a CSV file (read from its first 256 KB), with column types guessed as the server does. */
export async function previewCsv(file: Blob, rows = 50): Promise<CsvPreview> {
  const text = await file.slice(0, 256 * 1024).text();
  const parsed = Papa.parse<string[]>(text, { preview: rows + 1, skipEmptyLines: true });
  const [header = [], ...data] = parsed.data;
  const columns = header.map((h, i) => h.trim() || `column ${i + 1}`);
  const types = columns.map((_, c) => (data.every((row) => isNumericCell(row[c] ?? '')) ? ('numeric' as const) : ('categorical' as const)));
  const missing = columns.map((_, c) => data.filter((row) => isMissingCell(row[c] ?? '')).length);
  return { columns, rows: data, types, missing };
}
