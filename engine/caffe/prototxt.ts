/**
 * The protobuf text format that Caffe's `.prototxt` files are written in: `name: value` fields and
 * `name { … }` messages, `#` comments, quoted strings, numbers, enum identifiers, and the short
 * `name: [a, b]` form of repeated fields. Parsed into a schema-less tree; Caffe's reader gives it meaning.
 */

/** A value: a scalar (enum identifiers are kept as strings, flagged by `ident`) or a nested message. */
export type TextValue = string | number | boolean | TextMessage;

/** A message: every field name with its values in order (repeated fields have several). */
export interface TextMessage {
  fields: Map<string, TextValue[]>;
}

export class TextFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

type Token = { kind: 'ident' | 'string' | 'number' | 'punct'; text: string; line: number };

const PUNCT = new Set(['{', '}', '<', '>', ':', '[', ']', ',', ';']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      let text = '';
      i++;
      while (i < source.length && source[i] !== c) {
        if (source[i] === '\n') throw new TextFormatError('a string runs past the end of its line', line);
        if (source[i] === '\\') {
          const next = source[i + 1] ?? '';
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else text += source[i++];
      }
      if (i >= source.length) throw new TextFormatError('a string is not closed', line);
      i++;
      tokens.push({ kind: 'string', text, line });
    } else if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', text: c, line });
      i++;
    } else if (/[-+0-9.]/.test(c)) {
      const match = /^[-+]?(?:0x[0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[fF]?|inf(?:inity)?|nan)/i.exec(source.slice(i));
      if (!match) throw new TextFormatError(`unexpected "${c}"`, line);
      tokens.push({ kind: 'number', text: match[0], line });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'ident', text: match[0], line });
      i += match[0].length;
    } else throw new TextFormatError(`unexpected "${c}"`, line);
  }
  return tokens;
}

function numberOf(text: string): number {
  const t = text.replace(/(?<=[0-9.])[fF]$/, '').toLowerCase();
  if (/^[-+]?inf/.test(t)) return t.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (t.endsWith('nan')) return Number.NaN;
  return /^[-+]?0x/.test(t) ? Number.parseInt(t, 16) : Number(t);
}

/**
 * Parses text-format protobuf. Throws `TextFormatError` (with the line) on malformed input.
 *
 * @example
 * const net = parseTextProto('name: "LeNet"\nlayer { name: "conv1" type: "Convolution" }');
 * net.fields.get('layer')?.length; // 1
 */
export function parseTextProto(source: string): TextMessage {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = () => tokens[pos++] as Token;
  const lastLine = () => tokens[tokens.length - 1]?.line ?? 1;

  function scalar(token: Token): TextValue {
    if (token.kind === 'string') {
      let text = token.text;
      while (peek()?.kind === 'string') text += take().text; // adjacent strings concatenate
      return text;
    }
    if (token.kind === 'number') return numberOf(token.text);
    if (token.kind === 'ident') {
      if (token.text === 'true' || token.text === 'True') return true;
      if (token.text === 'false' || token.text === 'False') return false;
      if (/^-?(inf|infinity|nan)$/i.test(token.text)) return numberOf(token.text);
      return token.text;
    }
    throw new TextFormatError(`expected a value, found "${token.text}"`, token.line);
  }

  function message(close: string | null): TextMessage {
    const fields = new Map<string, TextValue[]>();
    const add = (name: string, value: TextValue) => fields.set(name, [...(fields.get(name) ?? []), value]);
    for (;;) {
      const token = peek();
      if (!token) {
        if (close) throw new TextFormatError(`a message is not closed with "${close}"`, lastLine());
        return { fields };
      }
      if (close && token.kind === 'punct' && token.text === close) {
        take();
        return { fields };
      }
      if (token.kind === 'punct' && (token.text === ',' || token.text === ';')) {
        take();
        continue;
      }
      if (token.kind !== 'ident') throw new TextFormatError(`expected a field name, found "${token.text}"`, token.line);
      const name = take().text;
      let next = peek();
      if (next?.kind === 'punct' && next.text === ':') {
        take();
        next = peek();
      }
      if (!next) throw new TextFormatError(`field "${name}" has no value`, token.line);
      if (next.kind === 'punct' && (next.text === '{' || next.text === '<')) {
        take();
        add(name, message(next.text === '{' ? '}' : '>'));
      } else if (next.kind === 'punct' && next.text === '[') {
        take();
        while (peek() && !(peek()?.kind === 'punct' && peek()?.text === ']')) {
          const item = take();
          if (item.kind === 'punct' && item.text === ',') continue;
          if (item.kind === 'punct' && item.text === '{') add(name, message('}'));
          else add(name, scalar(item));
        }
        if (!peek()) throw new TextFormatError(`the list of "${name}" is not closed`, token.line);
        take();
      } else add(name, scalar(take()));
    }
  }

  return message(null);
}

/** The first value of a field, if any. */
export function field(message: TextMessage, name: string): TextValue | undefined {
  return message.fields.get(name)?.[0];
}

/** All values of a repeated field. */
export function fields(message: TextMessage, name: string): TextValue[] {
  return message.fields.get(name) ?? [];
}

export function isMessage(value: TextValue | undefined): value is TextMessage {
  return typeof value === 'object' && value !== null && 'fields' in value;
}

/** Whether text looks like a Caffe net definition (not JSON, with `layer {` / `layers {` blocks). */
export function looksLikePrototxt(text: string): boolean {
  const start = text.trimStart()[0];
  return start !== '{' && start !== '[' && /(^|\s)layers?\s*\{/.test(text);
}
