import Papa from 'papaparse';

export type ColumnType = 'numeric' | 'categorical' | 'ignored';

export interface CsvPreview {
  columns: string[];
  rows: string[][];
  types: ColumnType[];
  /** Missing cells per column in the preview rows. */
  missing: number[];
}

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-']);

/** The first rows of a CSV file (read from its first 256 KB), with column types guessed as the server does. */
export async function previewCsv(file: Blob, rows = 50): Promise<CsvPreview> {
  const text = await file.slice(0, 256 * 1024).text();
  const parsed = Papa.parse<string[]>(text, { preview: rows + 1, skipEmptyLines: true });
  const [header = [], ...data] = parsed.data;
  const columns = header.map((h, i) => h.trim() || `column ${i + 1}`);
  const types = columns.map((_, c) =>
    data.every((row) => MISSING.has((row[c] ?? '').trim().toLowerCase()) || Number.isFinite(Number((row[c] ?? '').trim())))
      ? ('numeric' as const)
      : ('categorical' as const),
  );
  const missing = columns.map((_, c) => data.filter((row) => MISSING.has((row[c] ?? '').trim().toLowerCase())).length);
  return { columns, rows: data, types, missing };
}
