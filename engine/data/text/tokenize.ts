/**
 * How NetCanvas cuts text into words, the same in the upload, in training and in Predict: the text
 * is normalised (NFKC, so full-width letters and ligatures match their plain forms) and lower-cased;
 * a word is a run of letters and digits, with apostrophes inside it kept ("don't", "o'clock"); every
 * other visible character (punctuation, symbols, emoji) is a token of its own; spaces separate.
 *
 * @example
 * tokenize('Hello, World! Don\'t panic.') // ['hello', ',', 'world', '!', "don't", 'panic', '.']
 */
export function tokenize(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? [];
}

/**
 * A word (letters, marks and digits, with inner apostrophes) or any single visible character that is
 * not one. `u` so that a character outside the Basic Multilingual Plane (an emoji) stays one token.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** The name stored with a dataset version, so a later change of rule cannot silently mismatch old sets. */
export const TOKENIZER_ID = 'words-v1';
