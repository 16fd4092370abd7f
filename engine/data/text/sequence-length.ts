/** Shortest and longest sequence length NetCanvas chooses or accepts for a text dataset. */
export const MIN_SEQUENCE_LENGTH = 4;
export const MAX_SEQUENCE_LENGTH = 1000;

/**
 * The default sequence length from the texts' lengths in tokens: long enough for 95 % of them whole
 * (so few lose words), rounded up to a multiple of 8, between 4 and 1000. Longer rows cost time in
 * every step of an LSTM, so the longest outliers are cut rather than padding everything to them.
 */
export function defaultSequenceLength(lengths: ArrayLike<number>): number {
  if (lengths.length === 0) return MIN_SEQUENCE_LENGTH;
  const sorted = Float64Array.from(lengths).sort();
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number;
  const rounded = Math.ceil(p95 / 8) * 8;
  return Math.min(MAX_SEQUENCE_LENGTH, Math.max(MIN_SEQUENCE_LENGTH, rounded));
}

/** Texts per band of lengths in tokens, for the histogram the upload shows beside the length it picks. */
export interface LengthHistogram {
  /** Tokens per band: band k holds lengths in [k × width, (k + 1) × width). */
  width: number;
  counts: number[];
  /** The longest text, in tokens. */
  max: number;
}

/** Lengths in about `bands` equal bands of a round width (1, 2, 5, 10, 20, 50 …). */
export function lengthHistogram(lengths: ArrayLike<number>, bands = 20): LengthHistogram {
  let max = 0;
  for (let i = 0; i < lengths.length; i++) max = Math.max(max, lengths[i] as number);
  const raw = Math.max(1, (max + 1) / bands);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const width = [1, 2, 5, 10].map((m) => m * magnitude).find((w) => w >= raw) ?? 10 * magnitude;
  const counts = new Array<number>(Math.floor(max / width) + 1).fill(0);
  for (let i = 0; i < lengths.length; i++) {
    const band = Math.floor((lengths[i] as number) / width);
    counts[band] = (counts[band] as number) + 1;
  }
  return { width, counts, max };
}

/** Share of texts that keep every word at a given length. */
export function shareWhole(lengths: ArrayLike<number>, length: number): number {
  if (lengths.length === 0) return 1;
  let whole = 0;
  for (let i = 0; i < lengths.length; i++) if ((lengths[i] as number) <= length) whole++;
  return whole / lengths.length;
}
