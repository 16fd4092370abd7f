/**
 * Turning the bytes of a model file into JSON safely: files that are not text are named for what they
 * are, the encodings editors and Windows tools write (UTF-8 with a byte-order mark, UTF-16) are
 * decoded, and nesting is bounded before parsing, since a small file of brackets costs gigabytes.
 */

/** Deeper than any real model file (a Keras model nests a few levels per wrapped or nested layer). */
export const MAX_JSON_DEPTH = 512;

/** Signatures of files people pick by mistake, by what they are. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive' },
  { bytes: [0x42, 0x4d], what: 'a BMP image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF file (WebP image or WAV sound)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
];

/**
 * What a file is when its first bytes show it is a well-known non-model format, e.g. `a PNG image`;
 * `undefined` otherwise.
 *
 * @example
 * describeBinary(pngBytes); // 'a PNG image'
 */
export function describeBinary(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.what;
}

/** Whether the bytes are UTF-16 text without a byte-order mark: JSON starts with ASCII, so every other byte is zero. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] !== 0 && bytes[1] === 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a text file in UTF-8 (with or without a byte-order mark) or UTF-16 (either byte order, with
 * or without a mark).
 */
export function decodeModelText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16Without(bytes);
  // TextDecoder drops a UTF-8 byte-order mark by itself.
  return new TextDecoder(utf16 ?? 'utf-8').decode(bytes);
}

/** How deep brackets nest in JSON text (outside strings), stopping as soon as `limit` is passed. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string; hint?: string };

/**
 * Parses the text of a model file, refusing nesting deeper than `MAX_JSON_DEPTH` before parsing, and
 * describing a syntax error in one line without echoing the file's bytes.
 */
export function parseModelJson(text: string): ParsedJson {
  const start = text.replace(/^\uFEFF/, '');
  if (nestingDepth(start, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      message: `The JSON nests more than ${MAX_JSON_DEPTH} levels deep; no model file does, so it is not read.`,
      hint: 'Check that this is the model file written by Keras or TensorFlow.js.',
    };
  }
  try {
    return { ok: true, value: JSON.parse(start) };
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON (${syntaxProblem(error)}).` };
  }
}

/** A JSON syntax error in words, without the excerpt of the file engines quote (raw bytes, over lines). */
function syntaxProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  const first =
    message
      .split(/[,\n]/)[0]
      ?.replace(/[^\x20-\x7e]/g, '?')
      .slice(0, 80) ?? 'syntax error';
  return position ? `${first} at byte ${position}` : first;
}
