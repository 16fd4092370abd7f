import Papa from 'papaparse';
import { isMissingCell, isNumericCell } from '@/engine/data/cells';

export type ColumnType = 'numeric' | 'categorical' | 'ignored';

/** Why a cell is marked in the preview: it holds no value, or text where the column wants a number. */
export type CellFlag = 'missing' | 'not-a-number';

export interface PreviewRow {
  /** Row number as the upload's messages count them (the header is row 1). */
  number: number;
  cells: string[];
  /** Set when the row has another number of fields than the header: the upload skips it. */
  bad?: string;
}

export interface CsvPreview {
  columns: string[];
  rows: PreviewRow[];
  /** Guessed from the rows with the right number of fields, as the server guesses. */
  types: ColumnType[];
  /** Why each column got its guessed type, in words. */
  reasons: string[];
  /** Columns of numbers but for a few text cells: those cells are what made the column a category. */
  mostlyNumbers: boolean[];
  /** Missing cells per column, in the rows with the right number of fields. */
  missing: number[];
  /** How many of the previewed rows have the wrong number of fields. */
  badRows: number;
}

/**
 * The first rows of a CSV file (read from its first 256 KB), with column types guessed as the server
 * guesses them. Rows with another number of fields than the header are shown marked and left out of
 * the guesses and the missing counts: their cells would sit under the wrong columns (the upload
 * skips such rows too).
 */
export async function previewCsv(file: Blob, rows = 50): Promise<CsvPreview> {
  const text = await file.slice(0, 256 * 1024).text();
  return previewCsvText(text, rows);
}

/** {@link previewCsv} on text already read. */
export function previewCsvText(text: string, rows = 50): CsvPreview {
  const parsed = Papa.parse<string[]>(text, { preview: rows + 1, skipEmptyLines: true });
  const [header = [], ...data] = parsed.data;
  const columns = header.map((h, i) => h.trim() || `column ${i + 1}`);
  const previewRows: PreviewRow[] = data.map((cells, i) => ({
    number: i + 2,
    cells,
    ...(cells.length !== columns.length ? { bad: `row ${i + 2} has ${cells.length} fields, the header has ${columns.length}` } : {}),
  }));
  const good = previewRows.filter((r) => !r.bad);
  const guesses = columns.map((_, c) => guessColumn(good, c));
  return {
    columns,
    rows: previewRows,
    types: guesses.map((g) => g.type),
    reasons: guesses.map((g) => g.reason),
    mostlyNumbers: guesses.map((g) => g.mostlyNumbers === true),
    missing: columns.map((_, c) => good.filter((row) => isMissingCell(row.cells[c] ?? '')).length),
    badRows: previewRows.length - good.length,
  };
}

function guessColumn(rows: PreviewRow[], c: number): { type: ColumnType; reason: string; mostlyNumbers?: boolean } {
  const texts = rows.filter((row) => !isNumericCell(row.cells[c] ?? ''));
  const values = rows.filter((row) => !isMissingCell(row.cells[c] ?? '')).length;
  if (values === 0) return { type: 'categorical', reason: 'category: no row has a value here' };
  if (texts.length === 0) return { type: 'numeric', reason: `number: all ${values} values read as numbers` };
  const first = texts[0] as PreviewRow;
  const example = `"${(first.cells[c] ?? '').slice(0, 24)}" in row ${first.number}`;
  const numbers = values - texts.length;
  if (numbers > 0 && texts.length <= Math.max(1, values * 0.1)) {
    return {
      type: 'categorical',
      mostlyNumbers: true,
      reason: `category, because ${example} is not a number (${numbers} of ${values} are); choose "number" to count such cells as errors`,
    };
  }
  return { type: 'categorical', reason: `category: ${texts.length} of ${values} values are text, e.g. ${example}` };
}

/**
 * Whether a cell stands out: empty (`NA`, `?`, …), or text in a column of numbers — one typed as
 * numbers, or one of numbers but for a few such cells (`mostlyNumbers`).
 */
export function cellFlag(raw: string | undefined, type: ColumnType, mostlyNumbers = false): CellFlag | null {
  if (type === 'ignored') return null;
  if (raw === undefined || isMissingCell(raw)) return 'missing';
  if ((type === 'numeric' || mostlyNumbers) && !isNumericCell(raw)) return 'not-a-number';
  return null;
}
