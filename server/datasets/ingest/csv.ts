import Papa from 'papaparse';
import { isMissingCell, isNumericCell } from '@/engine/data/cells';
import { type TaskId, taskForTableLabel, taskSpec } from '@/engine/tasks/registry';
import type { Column } from '@/server/datasets/manifest';
import type { CsvOptions, UploadLimits } from './options';
import { naturalCompare, type Problem, uploadRefused } from './problems';
import { Staging } from './staging';
import { Utf8LineChecker } from './utf8';

/** Rows read before column types are decided (when not given). */
const INFER_ROWS = 200;

export interface CsvIngest {
  staging: Staging;
  task: TaskId;
  /** Every column of the file, with its type, role, categories (in stored index order) and missing count. */
  columns: Column[];
  /** Positions (in `columns`) of the feature columns, in staging record order. */
  featureColumns: number[];
  classes: string[] | null;
  rowsRead: number;
  rowsDropped: { missingLabel: number; missingFeature: number };
}

/**
 * Reads a CSV as it streams in: checks the bytes are UTF-8 (naming the lines that are not), parses
 * with papaparse, infers column types from the first rows unless given, and stages one Float32
 * record per row (numbers, category indexes, NaN for a missing value). Ragged rows, invalid UTF-8
 * and text in numeric columns refuse the upload with the offending rows named.
 */
export async function ingestCsv(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: CsvOptions,
  limits: UploadLimits,
): Promise<CsvIngest> {
  const utf8 = new Utf8LineChecker();
  const decoder = new TextDecoder('utf-8');
  const problems: Problem[] = [];
  let received = 0;
  let pending = '';
  let parser: Papa.Parser | null = null;
  let header: string[] | null = null;
  let buffered: { row: string[]; number: number }[] | null = [];
  let plan: Plan | null = null;
  let dataRows = 0;
  let staging: Staging | null = null;
  const dropped = { missingLabel: 0, missingFeature: 0 };
  let firstText = true;

  const tooMany = () => problems.length >= limits.maxProblems;
  const onRow = (row: string[]) => {
    if (row.length === 1 && row[0] === '') return;
    if (!header) {
      checkHeader(row, options.header, limits);
      header = options.header ? row.map((h, i) => h.trim() || `column ${i + 1}`) : row.map((_, i) => `column ${i + 1}`);
      if (options.header) return;
    }
    dataRows++;
    const number = dataRows + (options.header ? 1 : 0);
    if (dataRows > limits.maxRows) throw uploadRefused(`The file has more than ${limits.maxRows} rows.`, []);
    if (row.length !== header.length) {
      problems.push({ name: `row ${number}`, reason: `has ${row.length} fields, the header has ${header.length}` });
      return;
    }
    if (buffered) {
      buffered.push({ row, number });
      if (buffered.length >= INFER_ROWS) flushBuffered();
      return;
    }
    consume(row, number);
  };
  const flushBuffered = () => {
    if (!buffered || !header) return;
    plan = makePlan(
      header,
      buffered.map((b) => b.row),
      options,
      limits,
    );
    staging = new Staging(plan.features.length * 4);
    record = new Float32Array(plan.features.length);
    const rows = buffered;
    buffered = null;
    for (const { row, number } of rows) consume(row, number);
  };
  let record = new Float32Array(0);
  const consume = (row: string[], number: number) => {
    const p = plan as Plan;
    const values = record;
    let missingFeature = false;
    for (let k = 0; k < p.features.length; k++) {
      const c = p.features[k] as number;
      const raw = (row[c] as string).trim();
      if (isMissingCell(raw)) {
        p.columns[c]!.missing++;
        values[k] = Number.NaN;
        missingFeature = true;
        continue;
      }
      values[k] = p.parse[c]!(raw, number);
    }
    const rawLabel = (row[p.label] as string).trim();
    if (isMissingCell(rawLabel)) {
      p.columns[p.label]!.missing++;
      dropped.missingLabel++;
      return;
    }
    const label = p.parse[p.label]!(rawLabel, number);
    if (missingFeature && options.missing === 'drop') {
      dropped.missingFeature++;
      return;
    }
    if (!tooMany() && !Number.isNaN(label)) {
      (staging as Staging).append(new Uint8Array(values.buffer, 0, values.length * 4), label, `row ${number}`);
    }
  };

  const feed = (text: string, last: boolean) => {
    pending += text;
    if (!parser) {
      if (!last && pending.length < 4096 && !pending.includes('\n')) return;
      const firstLine = pending.slice(0, pending.indexOf('\n') === -1 ? undefined : pending.indexOf('\n'));
      parser = new Papa.Parser({
        delimiter: options.delimiter ?? guessDelimiter(firstLine),
        newline: pending.includes('\r\n') ? '\r\n' : '\n',
      });
    }
    const result = parser.parse(pending, 0, !last);
    for (const row of result.data as string[][]) {
      onRow(row);
      if (plan) for (const problem of plan.problems.splice(0)) problems.push(problem);
      if (tooMany()) throw refused();
    }
    pending = last ? '' : pending.slice(result.meta.cursor);
    // What is left is a row still being read: one that never ends would otherwise be held whole.
    if (pending.length > limits.maxLineChars) {
      throw uploadRefused(`Row ${dataRows + (header ? 1 : 0) + 1} is longer than ${kilo(limits.maxLineChars)} characters.`, []);
    }
  };
  const refused = () =>
    uploadRefused(
      utf8.badLines.length > 0 ? 'The file is not valid UTF-8 text (save it as UTF-8).' : 'The file has rows that cannot be read.',
      problems,
    );

  try {
    for await (const chunk of source) {
      received += chunk.byteLength;
      if (received > limits.maxUploadBytes)
        throw uploadRefused(`The upload is larger than ${limits.maxUploadBytes / 1024 / 1024} MB.`, [], 'payload_too_large');
      const before = utf8.badLines.length;
      utf8.check(chunk);
      for (const line of utf8.badLines.slice(before)) problems.push({ name: `row ${line}`, reason: 'is not valid UTF-8' });
      if (tooMany()) throw refused();
      let text = decoder.decode(chunk, { stream: true });
      if (firstText) {
        text = text.replace(/^\uFEFF/, '');
        firstText = false;
      }
      feed(text, false);
    }
    utf8.end();
    feed(decoder.decode(), true);
    if (!header) throw uploadRefused('The file is empty.', []);
    if (buffered) flushBuffered();
    if (plan) for (const problem of (plan as Plan).problems.splice(0)) problems.push(problem);
    if (utf8.badLines.length > 0 && problems.every((p) => p.reason !== 'is not valid UTF-8')) {
      for (const line of utf8.badLines) problems.push({ name: `row ${line}`, reason: 'is not valid UTF-8' });
    }
    if (problems.length > 0) throw refused();
    const done = plan as unknown as Plan;
    const stage = staging as unknown as Staging;
    if (stage.count === 0) throw uploadRefused('The file has no usable rows: every row lacks a label or a value.', []);
    return finish(done, stage, options, dataRows, dropped);
  } catch (error) {
    (staging as Staging | null)?.close();
    throw error;
  }
}

interface Plan {
  columns: Column[];
  features: number[];
  label: number;
  task: TaskId;
  /** Per column: text → number (a value, or a category index in order of appearance). */
  parse: ((raw: string, row: number) => number)[];
  /** Category → index in order of appearance, per categorical column. */
  categories: Map<string, number>[];
  problems: Problem[];
}

/** A header (or first row) the server could not show or store: too many columns, names too long. */
export function checkHeader(row: string[], named: boolean, limits: UploadLimits): void {
  if (row.length > limits.maxColumns) throw uploadRefused(`The file has ${row.length} columns; at most ${limits.maxColumns} are read.`, []);
  if (!named) return;
  const nul = row.findIndex((name) => name.includes('\u0000'));
  if (nul >= 0) throw uploadRefused(`The name of column ${nul + 1} holds a NUL character (\\u0000).`, []);
  const long = row.findIndex((name) => name.trim().length > limits.maxNameChars);
  if (long >= 0) throw uploadRefused(`The name of column ${long + 1} is longer than ${limits.maxNameChars} characters.`, []);
}

function kilo(chars: number): string {
  return chars >= 1024 ? `${Math.round(chars / 1024)}K` : String(chars);
}

function makePlan(header: string[], sample: string[][], options: CsvOptions, limits: UploadLimits): Plan {
  const label =
    options.label === undefined ? header.length - 1 : typeof options.label === 'number' ? options.label : header.indexOf(options.label);
  if (label < 0 || label >= header.length) {
    throw uploadRefused(`There is no label column "${options.label}"; the columns are ${header.map((h) => `"${h}"`).join(', ')}.`, []);
  }
  for (const name of Object.keys(options.types)) {
    if (!header.includes(name)) throw uploadRefused(`There is no column "${name}" to set the type of.`, []);
  }
  const problems: Problem[] = [];
  const categories = header.map(() => new Map<string, number>());
  const columns: Column[] = header.map((name, c) => {
    const given = options.types[name];
    const looksNumeric = sample.every((row) => isNumericCell(row[c] as string));
    let type: Column['type'] = given ?? (looksNumeric ? 'numeric' : 'categorical');
    if (c === label && type === 'ignored') type = looksNumeric ? 'numeric' : 'categorical';
    if (c === label && options.task && taskSpec(options.task).tableLabel === 'categorical') type = 'categorical';
    return { name, type, role: c === label ? 'label' : type === 'ignored' ? 'ignored' : 'feature', missing: 0 };
  });
  const labelType = columns[label]!.type === 'categorical' ? 'categorical' : 'numeric';
  const task = options.task ?? taskForTableLabel(labelType);
  const tableLabel = taskSpec(task).tableLabel;
  if (!tableLabel) throw uploadRefused(`A table's label column cannot hold ${taskSpec(task).label} labels.`, []);
  if (tableLabel === 'numeric' && labelType !== 'numeric') {
    throw uploadRefused(
      `The label column "${header[label]}" holds text, so it cannot be predicted as a number (${taskSpec(task).label}).`,
      [],
    );
  }
  const parse = columns.map((column, c) => {
    if (column.type === 'numeric') {
      return (raw: string, row: number) => {
        const value = Number(raw);
        if (Number.isFinite(value)) return value;
        if (problems.length < 1000)
          problems.push({ name: `row ${row}`, reason: `column "${column.name}" should be a number, not "${raw.slice(0, 40)}"` });
        return Number.NaN;
      };
    }
    const seen = categories[c] as Map<string, number>;
    // Classes and categories are stored in the version's metadata and listed on its page: bounded.
    const isLabel = c === label;
    const maxChars = isLabel ? limits.maxClassNameChars : limits.maxCategoryChars;
    const maxCount = isLabel ? limits.maxClasses : limits.maxCategories;
    const what = isLabel ? 'class' : 'category';
    return (raw: string, row: number) => {
      let index = seen.get(raw);
      if (index === undefined) {
        if (raw.includes('\u0000')) {
          if (problems.length < 1000)
            problems.push({ name: `row ${row}`, reason: `column "${column.name}" holds a NUL character (\\u0000)` });
          return Number.NaN;
        }
        if (raw.length > maxChars) {
          if (problems.length < 1000) {
            problems.push({ name: `row ${row}`, reason: `the ${what} in column "${column.name}" is longer than ${maxChars} characters` });
          }
          return Number.NaN;
        }
        if (seen.size >= maxCount) {
          throw uploadRefused(
            `Column "${column.name}" has more than ${maxCount} different values; at most ${maxCount} ${what === 'class' ? 'classes' : 'categories'} are kept.`,
            [],
          );
        }
        index = seen.size;
        seen.set(raw, index);
      }
      return index;
    };
  });
  const features = columns.flatMap((column, c) => (column.role === 'feature' ? [c] : []));
  if (features.length === 0) throw uploadRefused('Pick at least one feature column besides the label.', []);
  return { columns, features, label, task, parse, categories, problems };
}

/** Sorts categories and classes (natural order) and renumbers the staged values to match. */
function finish(plan: Plan, staging: Staging, options: CsvOptions, rowsRead: number, rowsDropped: CsvIngest['rowsDropped']): CsvIngest {
  const sortedOf = (c: number) => [...(plan.categories[c] as Map<string, number>).keys()].sort(naturalCompare);
  const remapOf = (c: number) => {
    const sorted = sortedOf(c);
    return Float32Array.from(
      [...(plan.categories[c] as Map<string, number>).entries()].sort((a, b) => a[1] - b[1]).map(([cat]) => sorted.indexOf(cat)),
    );
  };
  for (const [c, column] of plan.columns.entries()) if (column.type === 'categorical') column.categories = sortedOf(c);
  const categoricalFeatures = plan.features
    .map((c, k) => (plan.columns[c]!.type === 'categorical' ? { k, remap: remapOf(c) } : null))
    .filter((x) => x !== null);
  if (categoricalFeatures.length > 0) {
    const record = new Uint8Array(staging.recordBytes);
    const values = new Float32Array(record.buffer);
    // Rewrites staged category indexes in place (a second pass over the temporary file).
    for (let i = 0; i < staging.count; i++) {
      staging.read(i, record);
      for (const { k, remap } of categoricalFeatures) if (!Number.isNaN(values[k])) values[k] = remap[values[k] as number] as number;
      staging.rewrite(i, record);
    }
  }
  let classes: string[] | null = null;
  if (taskSpec(plan.task).tableLabel === 'categorical') {
    classes = sortedOf(plan.label);
    const remap = remapOf(plan.label);
    const labels = staging.labelArray();
    for (let i = 0; i < labels.length; i++) labels[i] = remap[labels[i] as number] as number;
  }
  void options;
  return {
    staging,
    task: plan.task,
    columns: plan.columns,
    featureColumns: plan.features,
    classes,
    rowsRead,
    rowsDropped,
  };
}

/** The delimiter used most in the header line, outside quotes. */
export function guessDelimiter(line: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[1]
    ? ([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as string)
    : ',';
}
