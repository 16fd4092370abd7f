import Papa from 'papaparse';
import { guessDelimiter } from './csv';
import type { UploadLimits } from './options';
import { type Problem, uploadRefused } from './problems';
import { Utf8LineChecker } from './utf8';

/** The fields of one CSV row and its 1-based number in the file (the header is row 1). */
export interface CsvRow {
  fields: string[];
  number: number;
}

/**
 * The rows of a CSV as it streams in, for readers that take a row at a time: the bytes checked as
 * UTF-8 (lines that are not are pushed to `problems`), a byte-order mark dropped, the delimiter
 * guessed from the first line unless given, and bounded — the upload's size and a row's length —
 * so one endless row or file cannot exhaust the server. Blank lines are skipped.
 */
export async function* csvRows(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  delimiter: string | undefined,
  limits: UploadLimits,
  problems: Problem[],
): AsyncGenerator<CsvRow> {
  const utf8 = new Utf8LineChecker();
  const decoder = new TextDecoder('utf-8');
  let parser: Papa.Parser | null = null;
  let pending = '';
  let received = 0;
  let rows = 0;
  let first = true;
  function* parse(last: boolean): Generator<CsvRow> {
    if (!parser) {
      if (!last && pending.length < 4096 && !pending.includes('\n')) return;
      const end = pending.indexOf('\n');
      parser = new Papa.Parser({
        delimiter: delimiter ?? guessDelimiter(pending.slice(0, end === -1 ? undefined : end)),
        newline: pending.includes('\r\n') ? '\r\n' : '\n',
      });
    }
    const result = parser.parse(pending, 0, !last);
    for (const fields of result.data as string[][]) {
      if (fields.length === 1 && fields[0] === '') continue;
      rows++;
      yield { fields, number: rows };
    }
    pending = last ? '' : pending.slice(result.meta.cursor);
    if (pending.length > limits.maxLineChars) throw uploadRefused(`Row ${rows + 1} is longer than ${limits.maxLineChars} characters.`, []);
  }
  for await (const chunk of source) {
    received += chunk.byteLength;
    if (received > limits.maxUploadBytes)
      throw uploadRefused(`The upload is larger than ${limits.maxUploadBytes / 1024 / 1024} MB.`, [], 'payload_too_large');
    const before = utf8.badLines.length;
    utf8.check(chunk);
    for (const line of utf8.badLines.slice(before)) problems.push({ name: `row ${line}`, reason: 'is not valid UTF-8' });
    let text = decoder.decode(chunk, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    pending += text;
    yield* parse(false);
  }
  utf8.end();
  for (const line of utf8.badLines) {
    if (!problems.some((p) => p.name === `row ${line}`)) problems.push({ name: `row ${line}`, reason: 'is not valid UTF-8' });
  }
  pending += decoder.decode();
  yield* parse(true);
}
