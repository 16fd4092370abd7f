'use client';

import type { ReactNode } from 'react';
import { CsvPreviewTable } from './CsvPreviewTable';
import type { ColumnType, CsvPreview } from './csv-preview';

export interface TableStepProps {
  preview: CsvPreview | null;
  types: ColumnType[];
  label: string;
  onFile(file: File | null): void;
  onTypes(types: ColumnType[]): void;
  onLabel(label: string): void;
  task: string;
  onTask(task: string): void;
  /** The settings of a text column, shown when the task is text classification. */
  textStep?: ReactNode;
}

/** A table: the CSV file, a preview to type its columns, the label column, the task, missing values and normalisation. */
export function TableStep({ preview, types, label, onFile, onTypes, onLabel, task, onTask, textStep }: TableStepProps) {
  const text = task === 'text-classification';
  return (
    <section className="panel stack" aria-label="Table">
      <label>
        CSV file
        <input type="file" accept=".csv,text/csv,.tsv,.txt" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      </label>
      {preview ? (
        <>
          <CsvPreviewTable preview={preview} types={types} onTypeChange={(i, t) => onTypes(types.map((old, k) => (k === i ? t : old)))} />
          <div className="row">
            <label>
              Label column
              <select value={label} onChange={(e) => onLabel(e.target.value)}>
                {preview.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Task
              <select name="task" value={task} onChange={(e) => onTask(e.target.value)}>
                <option value="">From the label's type</option>
                <option value="classification">Classification</option>
                <option value="regression">Regression</option>
                <option value="text-classification">Text classification (a column of text)</option>
              </select>
            </label>
            {text ? null : (
              <>
                <label>
                  Missing values
                  <select name="missing" defaultValue="mean">
                    <option value="mean">Fill with the mean (or commonest category)</option>
                    <option value="drop">Drop the row</option>
                  </select>
                </label>
                <label>
                  Normalisation
                  <select name="normalisation" defaultValue="standard">
                    <option value="standard">Standardise (mean 0, sd 1)</option>
                    <option value="minmax">Min–max to 0–1</option>
                    <option value="none">None</option>
                  </select>
                </label>
              </>
            )}
          </div>
          {text ? textStep : null}
        </>
      ) : null}
    </section>
  );
}
