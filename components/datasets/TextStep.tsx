'use client';

import { TextLengthChart } from './TextLengthChart';
import type { TextPreview } from './text-preview';

export interface TextChoice {
  column: string;
  vocabularySize: number;
  /** The sequence length typed in, or null for the one the server picks (95 % of the training texts whole). */
  length: number | null;
}

/** A CSV of texts: which column holds them, how many words the vocabulary keeps, and how long every text becomes. */
export function TextStep({
  columns,
  label,
  choice,
  preview,
  onChange,
}: {
  columns: string[];
  label: string;
  choice: TextChoice;
  preview: TextPreview | null;
  onChange(choice: TextChoice): void;
}) {
  const length = choice.length ?? preview?.suggested ?? 0;
  return (
    <fieldset className="stack" aria-label="Texts">
      <div className="row">
        <label>
          Text column
          <select value={choice.column} onChange={(e) => onChange({ ...choice, column: e.target.value })}>
            {columns
              .filter((c) => c !== label)
              .map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
          </select>
        </label>
        <label>
          Vocabulary size
          <input
            type="number"
            min={3}
            max={200000}
            value={choice.vocabularySize}
            onChange={(e) => onChange({ ...choice, vocabularySize: Number(e.target.value) })}
          />
        </label>
        <label>
          Sequence length (words)
          <input
            type="number"
            min={4}
            max={1000}
            placeholder={preview ? String(preview.suggested) : 'from the texts'}
            value={choice.length ?? ''}
            onChange={(e) => onChange({ ...choice, length: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
      </div>
      <p className="small muted">
        Texts are lower-cased and cut into words and punctuation; the vocabulary keeps the {choice.vocabularySize.toLocaleString('en')} most
        frequent words of the training texts (with padding and one id for every unknown word). Designs start with an Embedding whose input
        size is at least the vocabulary size.
      </p>
      {preview ? (
        <>
          <TextLengthChart histogram={preview.histogram} length={length} />
          <p className="small">
            In the first {preview.texts.toLocaleString('en')} texts: {preview.distinctWords.toLocaleString('en')} different words;{' '}
            {Math.round((100 * preview.lengths.filter((l) => l <= length).length) / preview.texts)} % fit whole in {length} words
            {choice.length === null ? ' (the length picked for you)' : ''}.
          </p>
        </>
      ) : (
        <p className="small muted">The chosen column has no text in the first rows.</p>
      )}
    </fieldset>
  );
}
