import { isMissingCell } from '@/engine/data/cells';
import { MAX_SEQUENCE_LENGTH } from '@/engine/data/text/sequence-length';
import { tokenize } from '@/engine/data/text/tokenize';
import { checkHeader } from './csv';
import { csvRows } from './csv-rows';
import type { CsvOptions, TextOptions, UploadLimits } from './options';
import { naturalCompare, type Problem, uploadRefused } from './problems';
import { Staging } from './staging';

/** Distinct words an upload may hold before the vocabulary is chosen (bounds the server's memory). */
const MAX_DISTINCT_WORDS = 2_000_000;

/**
 * A staged text CSV: per row its token count and the ids of its first `capacity` tokens in a
 * provisional dictionary (`words`, in order of first appearance). The vocabulary is chosen later,
 * from the training split only, once the split is known.
 */
export interface TextIngest {
  staging: Staging;
  /** Token ids kept per row (the record holds the count, then this many ids). */
  capacity: number;
  words: string[];
  column: string;
  classes: string[];
  rowsRead: number;
  rowsDropped: { missingLabel: number; missingText: number };
}

/**
 * Reads a CSV of texts and labels as it streams in: finds the text and label columns, tokenizes
 * every text (`engine/data/text/tokenize.ts`) and stages its word ids, and collects the class
 * names. Ragged rows, invalid UTF-8 and oversized class names refuse the upload, naming the rows.
 */
export async function ingestTextCsv(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvOptions & { text: TextOptions },
  limits: UploadLimits,
): Promise<TextIngest> {
  const problems: Problem[] = [];
  const capacity = options.text.length ?? MAX_SEQUENCE_LENGTH;
  const staging = new Staging(4 * (capacity + 1));
  const record = new Int32Array(capacity + 1);
  const recordBytes = new Uint8Array(record.buffer);
  const dictionary = new Map<string, number>();
  const words: string[] = [];
  const classIndex = new Map<string, number>();
  const dropped = { missingLabel: 0, missingText: 0 };
  let header: string[] | null = null;
  let columns: { text: number; label: number } | null = null;
  let dataRows = 0;
  const refuse = (summary: string) => uploadRefused(summary, problems);
  try {
    for await (const { fields, number } of csvRows(source, options.delimiter, limits, problems)) {
      if (problems.length >= limits.maxProblems) throw refuse('The file has rows that cannot be read.');
      if (!header) {
        checkHeader(fields, options.header, limits);
        header = options.header ? fields.map((h, i) => h.trim() || `column ${i + 1}`) : fields.map((_, i) => `column ${i + 1}`);
        columns = textColumns(header, options);
        if (options.header) continue;
      }
      const at = columns as { text: number; label: number };
      if (++dataRows > limits.maxRows) throw uploadRefused(`The file has more than ${limits.maxRows} rows.`, []);
      if (fields.length !== header.length) {
        problems.push({ name: `row ${number}`, reason: `has ${fields.length} fields, the header has ${header.length}` });
        continue;
      }
      const label = (fields[at.label] as string).trim();
      const text = fields[at.text] as string;
      if (isMissingCell(label)) {
        dropped.missingLabel++;
        continue;
      }
      if (text.trim() === '') {
        dropped.missingText++;
        continue;
      }
      const classId = classOf(label, classIndex, limits, header[at.label] as string, number, problems);
      if (classId === null) continue;
      const tokens = tokenize(text);
      record[0] = tokens.length;
      for (let i = 0; i < Math.min(tokens.length, capacity); i++) {
        const token = tokens[i] as string;
        let id = dictionary.get(token);
        if (id === undefined) {
          if (words.length >= MAX_DISTINCT_WORDS)
            throw uploadRefused(`The texts hold more than ${MAX_DISTINCT_WORDS} different words; split the file or clean it first.`, []);
          id = words.length;
          dictionary.set(token, id);
          words.push(token);
        }
        record[i + 1] = id;
      }
      record.fill(-1, Math.min(tokens.length, capacity) + 1);
      staging.append(recordBytes, classId, `row ${number}`);
    }
    if (!header) throw uploadRefused('The file is empty.', []);
    if (problems.length > 0)
      throw refuse(
        problems.some((p) => p.reason === 'is not valid UTF-8')
          ? 'The file is not valid UTF-8 text (save it as UTF-8).'
          : 'The file has rows that cannot be read.',
      );
    if (staging.count === 0) throw uploadRefused('The file has no usable rows: every row lacks a label or a text.', []);
    const classes = sortClasses(classIndex, staging);
    const at = columns as { text: number; label: number };
    return { staging, capacity, words, column: header[at.text] as string, classes, rowsRead: dataRows, rowsDropped: dropped };
  } catch (error) {
    staging.close();
    throw error;
  }
}

/** The text and label columns by the options (label default: the last; text default: the first other). */
function textColumns(header: string[], options: CsvOptions & { text: TextOptions }): { text: number; label: number } {
  const find = (wanted: string | number | undefined, fallback: number, what: string) => {
    const index = wanted === undefined ? fallback : typeof wanted === 'number' ? wanted : header.indexOf(wanted);
    if (index < 0 || index >= header.length)
      throw uploadRefused(`There is no ${what} column "${wanted}"; the columns are ${header.map((h) => `"${h}"`).join(', ')}.`, []);
    return index;
  };
  const label = find(options.label, header.length - 1, 'label');
  const text = find(options.text.column, label === 0 ? 1 : 0, 'text');
  if (text === label) throw uploadRefused(`The text and the label cannot both be column "${header[label]}".`, []);
  return { text, label };
}

function classOf(
  label: string,
  classIndex: Map<string, number>,
  limits: UploadLimits,
  column: string,
  row: number,
  problems: Problem[],
): number | null {
  const known = classIndex.get(label);
  if (known !== undefined) return known;
  if (label.length > limits.maxClassNameChars || label.includes('\u0000')) {
    problems.push({
      name: `row ${row}`,
      reason: `the class in column "${column}" is longer than ${limits.maxClassNameChars} characters or holds a NUL`,
    });
    return null;
  }
  if (classIndex.size >= limits.maxClasses)
    throw uploadRefused(
      `Column "${column}" has more than ${limits.maxClasses} different values; at most ${limits.maxClasses} classes are kept.`,
      [],
    );
  classIndex.set(label, classIndex.size);
  return classIndex.size - 1;
}

/** Class names in natural order, with the staged labels renumbered to match. */
function sortClasses(classIndex: Map<string, number>, staging: Staging): string[] {
  const classes = [...classIndex.keys()].sort(naturalCompare);
  const remap = [...classIndex.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => classes.indexOf(name));
  const labels = staging.labelArray();
  for (let i = 0; i < labels.length; i++) labels[i] = remap[labels[i] as number] as number;
  return classes;
}
