import { describe, expect, it } from 'vitest';
import { SPLIT } from '../../../engine/data/dataset';
import { encodeTexts } from '../../../engine/data/text/encode-texts';
import { defaultSequenceLength, lengthHistogram, shareWhole } from '../../../engine/data/text/sequence-length';
import { tokenize } from '../../../engine/data/text/tokenize';
import { buildVocabulary, encodeText, OOV_INDEX, PAD_INDEX, padSequence, TextEncodingSchema } from '../../../engine/data/text/vocabulary';

describe('tokenize', () => {
  it.each([
    ['Hello, World!', ['hello', ',', 'world', '!']],
    ["Don't PANIC. It's 4 o'clock…", ["don't", 'panic', '.', "it's", '4', "o'clock", '.', '.', '.']],
    ['a ¿qué? b', ['a', '¿', 'qué', '?', 'b']],
    ['  spaces\tand\nlines  ', ['spaces', 'and', 'lines']],
    ['Ｆｕｌｌ-width ﬁne', ['full', '-', 'width', 'fine']],
    ['café naïve', ['café', 'naïve']],
    ['win £1000 now!!', ['win', '£', '1000', 'now', '!', '!']],
    ['great 👍🏽 film', ['great', '👍', '🏽', 'film']],
    ['"quoted" (text)', ['"', 'quoted', '"', '(', 'text', ')']],
    ['', []],
  ])('%j → %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('vocabulary', () => {
  it('keeps padding, the unknown word, then the most frequent words, ties alphabetically', () => {
    const counts = new Map([
      ['the', 9],
      ['cat', 3],
      ['bat', 3],
      ['sat', 1],
    ]);
    expect(buildVocabulary(counts, 5)).toEqual(['<pad>', '<oov>', 'the', 'bat', 'cat']);
    expect(buildVocabulary(counts, 100)).toEqual(['<pad>', '<oov>', 'the', 'bat', 'cat', 'sat']);
    expect(buildVocabulary(counts, 2)).toEqual(['<pad>', '<oov>']);
  });

  it('encodes known words by index, unknown ones as <oov>, padded or cut to the length', () => {
    const encoding = TextEncodingSchema.parse({ tokenizer: 'words-v1', vocabulary: ['<pad>', '<oov>', 'the', 'cat', '.'], length: 6 });
    const short = encodeText(encoding, 'The dog. The cat');
    expect(Array.from(short.ids)).toEqual([2, OOV_INDEX, 4, 2, 3, PAD_INDEX]);
    expect(short).toMatchObject({ tokens: 5, unknown: 1, truncated: 0 });
    const long = encodeText(encoding, 'the cat the cat the cat the cat');
    expect(Array.from(long.ids)).toEqual([2, 3, 2, 3, 2, 3]);
    expect(long.truncated).toBe(2);
    expect(Array.from(padSequence([7], 3))).toEqual([7, 0, 0]);
  });

  it('refuses a stored vocabulary that does not start with the reserved tokens', () => {
    expect(TextEncodingSchema.safeParse({ tokenizer: 'words-v1', vocabulary: ['the', 'cat'], length: 4 }).success).toBe(false);
  });
});

describe('sequence length', () => {
  it('defaults to the 95th percentile of the lengths, rounded up to a multiple of 8, within bounds', () => {
    const lengths = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(defaultSequenceLength(lengths)).toBe(96);
    expect(defaultSequenceLength([1, 2, 1])).toBe(8);
    expect(defaultSequenceLength([])).toBe(4);
    expect(defaultSequenceLength([5000, 6000])).toBe(1000);
    expect(shareWhole(lengths, 96)).toBeCloseTo(0.96);
  });

  it('counts lengths in round bands that cover the longest', () => {
    const histogram = lengthHistogram([0, 3, 4, 19, 40, 41]);
    expect(histogram.width).toBe(5);
    expect(histogram.max).toBe(41);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect(histogram.counts[0]).toBe(3);
    expect(histogram.counts[8]).toBe(2);
  });
});

describe('encodeTexts', () => {
  it('takes the vocabulary from the training texts only', () => {
    const split = Uint8Array.from([SPLIT.train, SPLIT.train, SPLIT.test]);
    const { encoding, features } = encodeTexts(['a b b', 'b c', 'zebra b'], split, 10, 4);
    expect(encoding.vocabulary).toEqual(['<pad>', '<oov>', 'b', 'a', 'c']);
    expect(Array.from(features.subarray(8, 12))).toEqual([OOV_INDEX, 2, 0, 0]);
  });
});
