'use client';

import { type RefObject, useEffect, useState } from 'react';
import { formatFieldText, parseFieldText } from '../field-text';
import type { FormField } from '../form-field';

const show = (v: unknown) => (v === undefined ? '' : v === null ? 'None' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export interface TextControlProps {
  field: FormField;
  id: string;
  readOnly: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  /** Set while the control has focus: the row keeps its own message then, too. */
  editing: RefObject<boolean>;
  /** A value read from the text (`undefined` for empty text: back to the default). */
  onValue(value: unknown): void;
  /** The text cannot be read as a value: why. */
  onUnreadable(message: string): void;
  onBlur(): void;
}

/**
 * A typed field (numbers, sizes like `5x5`, lists, JSON): the text stays as typed while the control
 * has focus, each readable change is passed on at once, and it shows the value held again on blur or
 * when the value changes elsewhere (undo, paste). The default is the placeholder.
 */
export function TextControl({ field, id, readOnly, describedBy, invalid, editing, onValue, onUnreadable, onBlur }: TextControlProps) {
  const [text, setText] = useState(() => formatFieldText(field, field.value));

  // Follow changes made elsewhere (undo, paste, JSON view) unless the user is typing here.
  useEffect(() => {
    if (editing.current) return;
    setText(formatFieldText(field, field.value));
  }, [field, field.value, editing]);

  const fallback = field.default;
  const multiline = field.kind === 'json' || (field.kind === 'list' && field.item.kind !== 'number');
  const props = {
    id,
    value: text,
    readOnly,
    spellCheck: false,
    placeholder: fallback === undefined ? (field.placeholder ?? '') : formatFieldText(field, fallback) || show(fallback),
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? true : undefined,
    title: field.description,
    onFocus: () => {
      editing.current = true;
    },
    onBlur: () => {
      editing.current = false;
      onBlur();
      setText(formatFieldText(field, field.value));
    },
    onChange: (e: { target: { value: string } }) => {
      const next = e.target.value;
      setText(next);
      const parsed = parseFieldText(field, next);
      if (parsed.ok) onValue(parsed.value);
      else onUnreadable(parsed.message);
    },
  };
  return multiline ? (
    <textarea {...props} className="field__json" rows={3} />
  ) : (
    <input {...props} type="text" inputMode={field.kind === 'number' ? 'decimal' : undefined} className="field__text" />
  );
}

export { show as showValue };
