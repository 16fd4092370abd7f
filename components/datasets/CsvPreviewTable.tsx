'use client';

import { type ColumnType, type CsvPreview, cellFlag } from './csv-preview';

const FLAG_WORDS = { missing: 'no value', 'not-a-number': 'not a number' } as const;

/**
 * The first rows of a CSV, each column with its type picker, the reason for the guessed type and its
 * count of missing values; cells without a value or with text in a column of numbers are marked, and
 * rows with the wrong number of fields are struck through with the reason (the upload skips them).
 */
export function CsvPreviewTable({
  preview,
  types,
  onTypeChange,
  rows = 8,
}: {
  preview: CsvPreview;
  types: ColumnType[];
  onTypeChange(column: number, type: ColumnType): void;
  rows?: number;
}) {
  const keys = uniqueKeys(preview.columns);
  return (
    <div className="ds-scroll">
      <table aria-label="CSV preview" className="csv-preview">
        <thead>
          <tr>
            {preview.columns.map((c, i) => (
              <th key={keys[i]} data-testid={`csv-column-${i}`}>
                {c}
                <div>
                  <select aria-label={`Type of ${c}`} value={types[i]} onChange={(e) => onTypeChange(i, e.target.value as ColumnType)}>
                    <option value="numeric">number</option>
                    <option value="categorical">category</option>
                    <option value="ignored">ignore</option>
                  </select>
                </div>
                <p className="csv-preview__why">{types[i] === preview.types[i] ? preview.reasons[i] : 'as you chose'}</p>
                {preview.missing[i] ? <span className="badge red">{preview.missing[i]} missing</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, rows).map((row) => (
            <tr key={row.number} className={row.bad ? 'csv-preview__bad-row' : undefined} title={row.bad}>
              {preview.columns.map((c, i) => {
                const flag = row.bad ? null : cellFlag(row.cells[i], types[i] ?? 'categorical', preview.mostlyNumbers[i]);
                return (
                  <td key={keys[i]} data-flag={flag ?? undefined} title={flag ? `Row ${row.number}, ${c}: ${FLAG_WORDS[flag]}` : undefined}>
                    {row.cells[i]}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.badRows > 0 ? (
        <p className="muted small" role="note">
          {preview.badRows} of the first {preview.rows.length} rows {preview.badRows === 1 ? 'has' : 'have'} another number of fields than
          the header ({preview.rows.find((r) => r.bad)?.bad}); they are left out of the guesses and skipped by the upload.
        </p>
      ) : null}
    </div>
  );
}

/** React keys for columns whose header names may repeat: the name, then `name#2`, `name#3`… */
function uniqueKeys(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}#${n}`;
  });
}
