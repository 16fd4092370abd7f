import { SPLIT } from '@/engine/data/dataset';
import { defaultSequenceLength, lengthHistogram } from '@/engine/data/text/sequence-length';
import { TOKENIZER_ID } from '@/engine/data/text/tokenize';
import { buildVocabulary, OOV_INDEX, PAD_INDEX } from '@/engine/data/text/vocabulary';
import type { CsvOptions, TextOptions } from '@/server/datasets/ingest/options';
import type { TextIngest } from '@/server/datasets/ingest/text-csv';
import type { Report } from '@/server/datasets/manifest';
import type { BuiltVersion } from './build-version';
import { assignSplit, type CreatedBlobs, countSamples, reorder, storedOrder, writeIndexBlobs, writeShards } from './pack';

/**
 * Packs a staged text CSV: the split first (stratified by class), then the vocabulary from the
 * training texts only (so validation and test words the model never saw stay unknown, as they
 * would be for new text), the sequence length (given, or the default from the training lengths),
 * and shards of word ids padded or cut to it. The encoding is kept in the version's meta.
 */
export async function buildTextVersion(
  ingest: TextIngest,
  options: CsvOptions & { text: TextOptions },
  license: string,
  created: CreatedBlobs,
): Promise<BuiltVersion> {
  const { staging, capacity } = ingest;
  const order = storedOrder(staging.count, options.split.seed);
  const labels = Float32Array.from(order, (i) => staging.labels[i] as number);
  const split = assignSplit(labels, 1, options.split, true);
  const record = new Int32Array(capacity + 1);
  const recordBytes = new Uint8Array(record.buffer);
  const counts = new Float64Array(ingest.words.length);
  const trainLengths: number[] = [];
  const allLengths = new Int32Array(order.length);
  for (let p = 0; p < order.length; p++) {
    staging.read(order[p] as number, recordBytes);
    allLengths[p] = record[0] as number;
    if (split[p] !== SPLIT.train) continue;
    trainLengths.push(record[0] as number);
    for (let i = 1; i <= capacity && (record[i] as number) >= 0; i++) {
      const id = record[i] as number;
      counts[id] = (counts[id] as number) + 1;
    }
  }
  const seen = new Map<string, number>();
  counts.forEach((count, id) => {
    if (count > 0) seen.set(ingest.words[id] as string, count);
  });
  const vocabulary = buildVocabulary(seen, options.text.vocabularySize);
  const finalId = new Int32Array(ingest.words.length).fill(OOV_INDEX);
  const position = new Map(vocabulary.map((word, i) => [word, i]));
  ingest.words.forEach((word, id) => {
    finalId[id] = position.get(word) ?? OOV_INDEX;
  });
  const length = options.text.length ?? defaultSequenceLength(trainLengths);
  const shards = await writeShards(
    staging,
    order,
    split,
    {
      dtype: 'float32',
      sampleSize: length,
      transform(staged, out) {
        const ids = new Int32Array(staged.buffer, staged.byteOffset, capacity + 1);
        out.fill(PAD_INDEX);
        const n = Math.min(ids[0] as number, length, capacity);
        for (let i = 0; i < n; i++) out[i] = finalId[ids[i + 1] as number] as number;
      },
    },
    created,
  );
  const index = await writeIndexBlobs(labels, split, reorder(staging.names, order), created);
  const { counts: splitCounts, classCounts } = countSamples(labels, 1, split, ingest.classes.length);
  const truncated = allLengths.reduce((n, l) => n + (l > length ? 1 : 0), 0);
  const dropped = ingest.rowsDropped;
  const report: Report = {
    read: ingest.rowsRead,
    kept: staging.count,
    skipped: [],
    skippedCount: dropped.missingLabel + dropped.missingText,
    notes: [
      ...(dropped.missingLabel > 0 ? [`${dropped.missingLabel} row(s) without a label dropped.`] : []),
      ...(dropped.missingText > 0 ? [`${dropped.missingText} row(s) without text dropped.`] : []),
      `Vocabulary: ${vocabulary.length} entries (padding, unknown word and the ${vocabulary.length - 2} most frequent of ${seen.size} training words).`,
      `Every text is ${length} word ids long${options.text.length === undefined ? ' (enough for 95 % of the training texts)' : ''}; ${truncated} longer text(s) were cut.`,
    ],
  };
  return {
    manifest: { format: 'netcanvas.dataset', version: 1, dtype: 'float32', sampleSize: length, shards, ...index },
    meta: {
      kind: 'text',
      task: 'text-classification',
      featureShape: [length],
      labelSize: 1,
      classes: ingest.classes,
      counts: splitCounts,
      classCounts,
      split: options.split,
      normalisation: null,
      columns: null,
      featureNames: null,
      image: null,
      report,
      license,
      text: {
        column: ingest.column,
        encoding: { tokenizer: TOKENIZER_ID, vocabulary, length },
        distinctWords: seen.size,
        lengths: lengthHistogram(trainLengths),
        truncated,
      },
    },
  };
}
