import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InMemoryDataset } from '../dataset';
import { stratifiedSplit } from '../split';
import { encodeTexts } from '../text/encode-texts';
import { builtinDataDir } from './files';

const SPLIT_SEED = 1813;
/** Entries of the built-in's vocabulary: the 3,998 most frequent training words, padding and unknown. */
export const AUSTEN_VOCABULARY_SIZE = 4000;
/** Word ids per sentence: 95 % of the training sentences fit whole. */
export const AUSTEN_LENGTH = 48;
export const AUSTEN_NOVELS = ['Emma', 'Persuasion', 'Pride & Prejudice'];

/**
 * 3,000 sentences of three novels by Jane Austen, 1,000 each, labelled by the novel: a small real
 * text classification set (characters, places and style tell the books apart). Split 70 / 15 / 15,
 * stratified; the vocabulary comes from the training sentences.
 */
export async function loadAusten(): Promise<InMemoryDataset> {
  const text = await readFile(path.join(builtinDataDir(), 'austen', 'sentences.tsv'), 'utf8');
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t') as [string, string]);
  const labels = Float32Array.from(rows, ([, novel]) => AUSTEN_NOVELS.indexOf(novel));
  if (labels.some((l) => l < 0)) throw new Error('austen/sentences.tsv names a novel the built-in does not know.');
  const split = stratifiedSplit(labels, { validation: 0.15, test: 0.15 }, SPLIT_SEED, true);
  const encoded = encodeTexts(
    rows.map(([sentence]) => sentence),
    split,
    AUSTEN_VOCABULARY_SIZE,
    AUSTEN_LENGTH,
  );
  return {
    name: 'austen',
    source: AUSTEN_SOURCE,
    task: 'text-classification',
    featureShape: [encoded.encoding.length],
    features: encoded.features,
    labels,
    labelSize: 1,
    classes: AUSTEN_NOVELS,
    split,
    text: encoded.encoding,
  };
}

export const AUSTEN_SOURCE =
  'Sentences of Jane Austen’s novels (public domain) from the janeaustenr R package 1.0.0 by Julia Silge, as packaged by Debian (r-cran-janeaustenr)';
