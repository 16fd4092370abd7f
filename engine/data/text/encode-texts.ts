import { SPLIT } from '../dataset';
import { defaultSequenceLength } from './sequence-length';
import { TOKENIZER_ID, tokenize } from './tokenize';
import { buildVocabulary, padSequence, type TextEncoding, vocabularyIndex } from './vocabulary';

/** Texts held in memory turned into a text dataset's samples, with the encoding that made them. */
export interface EncodedTexts {
  encoding: TextEncoding;
  /** One row of `encoding.length` word ids per text. */
  features: Float32Array;
  /** Tokens per text, before padding or cutting. */
  lengths: Int32Array;
}

/**
 * Encodes texts already split into train / validation / test: the vocabulary (at most
 * `vocabularySize` entries) and the default length come from the training texts alone, as for an
 * upload, so the other splits meet unknown words the way new text will.
 */
export function encodeTexts(texts: readonly string[], split: Uint8Array, vocabularySize: number, length?: number): EncodedTexts {
  const tokens = texts.map(tokenize);
  const counts = new Map<string, number>();
  const trainLengths: number[] = [];
  tokens.forEach((words, i) => {
    if (split[i] !== SPLIT.train) return;
    trainLengths.push(words.length);
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  });
  const vocabulary = buildVocabulary(counts, vocabularySize);
  const encoding: TextEncoding = { tokenizer: TOKENIZER_ID, vocabulary, length: length ?? defaultSequenceLength(trainLengths) };
  const index = vocabularyIndex(vocabulary);
  const features = new Float32Array(texts.length * encoding.length);
  tokens.forEach((words, i) => {
    padSequence(
      words.map((w) => index.get(w) ?? 1),
      encoding.length,
      features.subarray(i * encoding.length, (i + 1) * encoding.length),
    );
  });
  return { encoding, features, lengths: Int32Array.from(tokens, (t) => t.length) };
}
