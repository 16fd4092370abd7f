'use client';

import type { FormField } from '../form-field';
import { showValue } from './TextControl';

type Option = string | number | boolean;

interface PickProps<F> {
  field: F;
  id: string;
  disabled: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  /** A value picked: stored at once, and the edit is over. */
  onPick(value: unknown): void;
}

/**
 * A select over an enum's options, by position so that options of any JSON type work. The default is
 * marked; a held value that is not an option (an imported file's) is shown as it is.
 */
export function EnumSelect({ field, id, disabled, describedBy, invalid, onPick }: PickProps<FormField & { kind: 'enum' }>) {
  const fallback = field.default;
  const current = field.value ?? fallback;
  const index = field.options.indexOf(current as Option);
  return (
    <select
      id={id}
      value={index >= 0 ? String(index) : 'custom'}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      title={field.description}
      onChange={(e) => onPick(field.options[Number(e.target.value)])}
    >
      {index < 0 ? <option value="custom">{showValue(current)}</option> : null}
      {field.options.map((o, i) => (
        <option key={String(o)} value={String(i)}>
          {String(o)}
          {o === fallback ? ' (default)' : ''}
        </option>
      ))}
    </select>
  );
}

/** An on/off setting; unset, it shows its default. */
export function CheckBox({ field, id, disabled, describedBy, onPick }: PickProps<FormField & { kind: 'boolean' }>) {
  return (
    <input
      id={id}
      type="checkbox"
      className="field__check"
      checked={Boolean(field.value ?? field.default)}
      disabled={disabled}
      aria-describedby={describedBy}
      title={field.description}
      onChange={(e) => onPick(e.target.checked)}
    />
  );
}

/**
 * A list of choices from an enum (extra figures to report): one checkbox per option, the list kept in
 * the options' order. Goes inside a fieldset that names it.
 */
export function ChecklistControl({ field, disabled, describedBy, onPick }: Omit<PickProps<FormField & { kind: 'list' }>, 'id'>) {
  const options = field.item.kind === 'enum' ? field.item.options : [];
  const held = field.value ?? field.default;
  const selected = new Set<unknown>(Array.isArray(held) ? held : []);
  return (
    <span className="field__checklist">
      {options.map((o) => (
        <label key={String(o)} className="field__inline">
          <input
            type="checkbox"
            aria-describedby={describedBy}
            checked={selected.has(o)}
            disabled={disabled}
            onChange={(e) => onPick(options.filter((x) => (x === o ? e.target.checked : selected.has(x))))}
          />{' '}
          {String(o)}
        </label>
      ))}
    </span>
  );
}
