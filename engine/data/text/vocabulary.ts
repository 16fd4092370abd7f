import { z } from 'zod';
import { TOKENIZER_ID, tokenize } from './tokenize';

/** Index of the padding token: sequences shorter than the length are filled with it. */
export const PAD_INDEX = 0;
/** Index of the out-of-vocabulary token: every word the vocabulary does not hold becomes it. */
export const OOV_INDEX = 1;
export const PAD_TOKEN = '<pad>';
export const OOV_TOKEN = '<oov>';

/**
 * How a text dataset version turns text into the numbers a model reads (kept with the version, so
 * Predict encodes typed text exactly as training did): the tokenizer, the vocabulary (index 0 the
 * padding, 1 the unknown word, then the most frequent words of the training split) and the
 * sequence length every text is padded or cut to (words past it are dropped).
 */
export const TextEncodingSchema = z.object({
  tokenizer: z.literal(TOKENIZER_ID),
  vocabulary: z
    .array(z.string())
    .min(2)
    .refine((v) => v[PAD_INDEX] === PAD_TOKEN && v[OOV_INDEX] === OOV_TOKEN, 'The vocabulary must start with <pad> and <oov>.'),
  length: z.number().int().positive(),
});
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

/**
 * The vocabulary from word counts: `<pad>`, `<oov>`, then the most frequent words (ties in
 * alphabetical order, so the same counts always give the same ids), `maxSize` entries at most.
 */
export function buildVocabulary(counts: ReadonlyMap<string, number>, maxSize: number): string[] {
  const words = [...counts.entries()]
    .filter(([word]) => word !== PAD_TOKEN && word !== OOV_TOKEN)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.max(0, maxSize - 2))
    .map(([word]) => word);
  return [PAD_TOKEN, OOV_TOKEN, ...words];
}

/** Word → index lookup of a vocabulary. */
export function vocabularyIndex(vocabulary: readonly string[]): Map<string, number> {
  return new Map(vocabulary.map((word, i) => [word, i]));
}

/**
 * Word ids to a fixed-length row: the first `length` ids, then padding. Cutting the end keeps the
 * start of a text, where short messages and reviews say the most.
 */
export function padSequence(ids: ArrayLike<number>, length: number, into = new Float32Array(length)): Float32Array {
  into.fill(PAD_INDEX);
  const n = Math.min(ids.length, length);
  for (let i = 0; i < n; i++) into[i] = ids[i] as number;
  return into;
}

/** What encoding one text gives: the row the model reads and how many of its words were unknown or cut. */
export interface EncodedText {
  ids: Float32Array;
  tokens: number;
  unknown: number;
  truncated: number;
}

/**
 * Encodes a text with a stored encoding: tokenize, look every word up (unknown → `<oov>`), pad or cut
 * to the length.
 */
export function encodeText(encoding: TextEncoding, text: string, index = vocabularyIndex(encoding.vocabulary)): EncodedText {
  const tokens = tokenize(text);
  let unknown = 0;
  const ids = tokens.map((token) => {
    const id = index.get(token);
    if (id === undefined) unknown++;
    return id ?? OOV_INDEX;
  });
  return {
    ids: padSequence(ids, encoding.length),
    tokens: tokens.length,
    unknown,
    truncated: Math.max(0, tokens.length - encoding.length),
  };
}
