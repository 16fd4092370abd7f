import Papa from 'papaparse';
import { defaultSequenceLength, type LengthHistogram, lengthHistogram, shareWhole } from '@/engine/data/text/sequence-length';
import { tokenize } from '@/engine/data/text/tokenize';

/** What the upload shows about a column of texts before sending it: lengths in tokens and the length it would pick. */
export interface TextPreview {
  texts: number;
  histogram: LengthHistogram;
  suggested: number;
  /** Share of the previewed texts that keep every word at the suggested length. */
  whole: number;
  distinctWords: number;
  lengths: number[];
}

/**
 * Tokenizes a text column of the first megabyte of a CSV with the tokenizer the server uses, so the
 * histogram and the suggested sequence length match what the upload will do (the server takes them
 * from the training split of the whole file, so its figure can differ a little).
 */
export async function previewTexts(file: Blob, column: string): Promise<TextPreview | null> {
  const read = 1024 * 1024;
  const text = await file.slice(0, read).text();
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  // The last row of a file longer than what was read may be cut in the middle.
  const rows = file.size > read && parsed.data.length > 1 ? parsed.data.slice(0, -1) : parsed.data;
  const words = new Set<string>();
  const lengths: number[] = [];
  for (const row of rows) {
    const cell = row[column];
    if (typeof cell !== 'string' || cell.trim() === '') continue;
    const tokens = tokenize(cell);
    for (const token of tokens) words.add(token);
    lengths.push(tokens.length);
  }
  if (lengths.length === 0) return null;
  const suggested = defaultSequenceLength(lengths);
  return {
    texts: lengths.length,
    histogram: lengthHistogram(lengths),
    suggested,
    whole: shareWhole(lengths, suggested),
    distinctWords: words.size,
    lengths,
  };
}
