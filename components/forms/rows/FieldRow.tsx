'use client';

import './forms.css';
import { memo, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { FormField } from '../form-field';
import { CheckBox, ChecklistControl, EnumSelect } from './PickControls';
import { showValue, TextControl } from './TextControl';

/** What a form does with its rows' edits. Paths are dotted from the form's root (`schedule.every`). */
export interface FieldEvents {
  /** Keep a new value (`undefined`: back to the default); returns why it was refused, if it was. */
  change(path: string, value: unknown): string | null | undefined;
  /** What is wrong with a value as it is entered, or `null`; shown at once, the value is kept all the same. */
  validate?(path: string, value: unknown): string | null;
  /** One edit is over (a blur, a pick, a switch): the inspector closes its undo step here. */
  finish?(): void;
}

export interface FieldRowProps {
  field: FormField;
  events: FieldEvents;
  disabled?: boolean;
  /** `tip`: the help text behind an (i) on hover, for narrow panels; `inline`: under the control. */
  help?: 'tip' | 'inline';
  /** A remark shown under the field (why a setting was chosen). */
  note?: string | undefined;
  /** The control's id (nested rows get `<id>-<key>`); one is made up without it. */
  id?: string | undefined;
}

/**
 * One row of a generated form, its control chosen by the field's kind: a select for an enum, a
 * checkbox for on/off, checkboxes for a list of choices, typed text for numbers, sizes and lists
 * (`5`, `5, 5`, `5x5`, `None`), a group of rows (with an on/off switch when it may be empty), a
 * picker plus the chosen variant's rows, or JSON. Values are checked as they are entered and passed
 * on at once; the field's `.describe()` text is its help.
 */
export const FieldRow = memo(function FieldRow({ field, events, disabled = false, help = 'tip', note, id: given }: FieldRowProps) {
  const made = useId();
  const id = given ?? made;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const [localError, setLocalError] = useState<string | null>(null);
  const editing = useRef(false);

  // A value that changed elsewhere (undo, another control) drops the message about what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new field or value is what triggers the reset
  useEffect(() => {
    if (editing.current) return;
    setLocalError(null);
  }, [field, field.value]);

  // A refused value is not kept: on blur the text shows the value held again, and loses its message.
  const refused = useRef(false);
  const commit = (value: unknown) => {
    const reason = events.change(field.path, value);
    refused.current = Boolean(reason);
    if (reason) setLocalError(reason);
  };
  const check = (value: unknown) => setLocalError(events.validate?.(field.path, value) ?? null);
  const pick = (value: unknown, validate: boolean) => {
    if (validate) check(value);
    commit(value);
    events.finish?.();
  };
  const error = localError ?? field.error;
  const describedBy = [field.description ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;

  const info =
    field.description && help === 'tip' ? (
      <span className="field__info" aria-hidden="true" data-tip={field.description}>
        i
      </span>
    ) : null;
  /** The field's name (a `<label>` for the control unless it heads a group) with its hover help. */
  const head = (forControl: boolean) => (
    <span className="field__head">
      {forControl ? (
        <label htmlFor={id} className="field__label" title={field.description}>
          {field.label}
        </label>
      ) : (
        <span className="field__label" title={field.description}>
          {field.label}
        </span>
      )}
      {info}
    </span>
  );
  const foot = (
    <>
      {field.description ? (
        help === 'tip' ? (
          <span id={helpId} className="sr-only">
            {field.description}
          </span>
        ) : (
          <small id={helpId} className="field__help">
            {field.description}
          </small>
        )
      ) : null}
      {note ? <small className="field__note">{note}</small> : null}
      {error ? (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
  const rows = (fields: FormField[]) =>
    fields.map((sub) => (
      <FieldRow key={sub.path} field={sub} events={events} disabled={disabled} help={help} id={given ? `${id}-${sub.key}` : undefined} />
    ));
  const group = (control: ReactNode, fields: FormField[]) => (
    <fieldset className="field field--group">
      <legend>{head(false)}</legend>
      {control}
      {rows(fields)}
      {foot}
    </fieldset>
  );

  const props = { id, disabled, describedBy, invalid: Boolean(error) };
  if (field.kind === 'object') {
    const on = field.value !== null && field.value !== undefined;
    const toggle = field.nullable ? (
      <label className="field__switch">
        <input
          id={id}
          type="checkbox"
          checked={on}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => pick(e.target.checked ? field.switchTo.on : field.switchTo.off, false)}
        />
        {on ? 'On' : 'Off'}
      </label>
    ) : null;
    return group(toggle, on || !field.nullable ? field.fields : []);
  }
  if (field.kind === 'choice') {
    const picker = (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {field.picker.label}
        </label>
        <select
          id={id}
          value={field.picker.value}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(e) => pick(field.picker.options.find((o) => o.value === e.target.value)?.initial, false)}
        >
          {field.picker.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
    return group(picker, field.fields);
  }
  if (field.kind === 'list' && field.item.kind === 'enum') {
    return group(<ChecklistControl {...props} field={field} onPick={(v) => pick(v, true)} />, []);
  }

  let control: ReactNode;
  if (field.kind === 'enum') control = <EnumSelect {...props} field={field} onPick={(v) => pick(v, true)} />;
  else if (field.kind === 'boolean') control = <CheckBox {...props} field={field} onPick={(v) => pick(v, false)} />;
  else if (field.kind === 'constant') {
    control = (
      <output id={id} className="field__constant" aria-describedby={describedBy}>
        {showValue(field.value ?? field.default)}
      </output>
    );
  } else {
    control = (
      <TextControl
        field={field}
        id={id}
        readOnly={disabled}
        describedBy={describedBy}
        invalid={Boolean(error)}
        editing={editing}
        onValue={(value) => {
          check(value);
          commit(value);
        }}
        onUnreadable={setLocalError}
        onBlur={() => {
          if (refused.current) setLocalError(null);
          refused.current = false;
          events.finish?.();
        }}
      />
    );
  }

  return (
    <div className={`field field--${field.kind}${error ? ' field--invalid' : ''}`}>
      {head(true)}
      {control}
      {foot}
    </div>
  );
});
