import type { ValueKind } from './form-field';

/** What reading and showing a field's text depends on: its kind (groups have no text) and whether it may be `null`. */
type TextField = ValueKind | { kind: 'object' | 'choice' | 'layer'; nullable: boolean };

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const NONE = /^(none|null|\?)$/i;

/**
 * The text a text control shows for a value: numbers as typed, tuples and lists as `3, 3`, `null` as
 * `None` (as Keras prints an unknown size), anything else as JSON. `undefined` shows as empty (the
 * default applies; it is shown as the placeholder).
 */
export function formatFieldText(field: TextField, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'None';
  switch (field.kind) {
    case 'number':
    case 'text':
      return String(value);
    case 'tuple':
    case 'list':
      if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
        return value.map((v) => (v === null ? 'None' : String(v))).join(', ');
      }
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return JSON.stringify(value);
  }
}

/**
 * Reads what the user typed into a field's text control. Empty text means "use the default".
 * Numbers accept `None` when the field allows null; tuples accept `3`, `3, 3`, `3x3` or `3×3`;
 * lists of sizes accept `None` for an unknown size. Range checks are `validateField`'s job: this
 * only turns text into a value.
 *
 * @example
 * parseFieldText(kernelSizeField, '5x5') // { ok: true, value: [5, 5] }
 * parseFieldText(shapeField, '28, 28, 1') // { ok: true, value: [28, 28, 1] }
 */
export function parseFieldText(field: TextField, text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  switch (field.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'number':
      if (NONE.test(trimmed)) return field.nullable ? { ok: true, value: null } : { ok: false, message: 'Needs a number.' };
      return number(trimmed);
    case 'tuple': {
      if (NONE.test(trimmed) && field.nullable) return { ok: true, value: null };
      const parts = trimmed
        .replace(/^[[(]|[\])]$/g, '')
        .split(/\s*(?:,|×|x|\*|\s)\s*/i)
        .filter(Boolean);
      const numbers = parts.map(number);
      const bad = numbers.find((p) => !p.ok);
      if (bad) return bad;
      const values = numbers.map((p) => (p as { value: number }).value);
      if (values.length === 1 && field.acceptsScalar) return { ok: true, value: values[0] };
      if (values.length !== field.length)
        return { ok: false, message: `Needs ${field.length} numbers, one per axis${field.acceptsScalar ? ' (or one for all)' : ''}.` };
      return { ok: true, value: values };
    }
    case 'list': {
      if (trimmed.startsWith('[') || trimmed.startsWith('{')) return json(trimmed);
      if (NONE.test(trimmed) && field.nullable) return { ok: true, value: null };
      const parts = trimmed
        .replace(/^\(|\)$/g, '')
        .split(/\s*,\s*|\s+/)
        .filter(Boolean);
      const items: unknown[] = [];
      for (const part of parts) {
        if (NONE.test(part)) {
          items.push(null);
          continue;
        }
        if (field.item.kind === 'number') {
          const parsed = number(part);
          if (!parsed.ok) return parsed;
          items.push(parsed.value);
        } else {
          const parsed = json(part);
          items.push(parsed.ok ? parsed.value : part);
        }
      }
      if (items.length === 1 && field.acceptsScalar) return { ok: true, value: items[0] };
      return { ok: true, value: items };
    }
    default:
      return json(trimmed);
  }
}

function number(text: string): Parsed {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `“${text}” is not a number.` };
}

function json(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'Not valid JSON.' };
  }
}
