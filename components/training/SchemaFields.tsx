'use client';

import type { z } from 'zod';

/**
 * Form fields generated from a zod object schema (the training settings, the augmentation
 * settings): a select for an enum, a number box for a number (with its range), a checkbox for a
 * boolean, checkboxes for a list of choices, a kind picker plus its fields for a discriminated union,
 * an on/off switch plus its fields for a nullable object. Labels come from the keys, help from the
 * fields' `.describe()` text, so adding a setting to the schema adds it to the form.
 */

// zod 4 keeps a schema's definition in `_zod.def`; only what the form needs is read.
interface Def {
  type: string;
  innerType?: Schema;
  entries?: Record<string, string>;
  element?: Schema;
  options?: Schema[];
  discriminator?: string;
  shape?: Record<string, Schema>;
  values?: unknown[];
}
type Schema = z.ZodType & {
  _zod: { def: Def };
  description?: string;
  minValue?: number;
  maxValue?: number;
  isInt?: boolean;
  shape?: Record<string, Schema>;
};

const def = (s: Schema): Def => s._zod.def;

/** Unwraps defaults and optionals: the value's own schema and its default. */
function unwrap(schema: Schema): { inner: Schema; fallback: unknown; nullable: boolean } {
  let s = schema;
  let fallback: unknown;
  let nullable = false;
  for (;;) {
    const d = def(s) as Def & { defaultValue?: unknown };
    if (d.type === 'default') {
      fallback ??= typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
      s = d.innerType as Schema;
    } else if (d.type === 'optional') s = d.innerType as Schema;
    else if (d.type === 'nullable') {
      nullable = true;
      s = d.innerType as Schema;
    } else return { inner: s, fallback, nullable };
  }
}

export function labelOf(key: string): string {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function descriptionOf(schema: Schema): string | undefined {
  let s: Schema | undefined = schema;
  while (s) {
    if (s.description) return s.description;
    s = def(s).innerType;
  }
  return undefined;
}

const choices = (s: Schema): string[] => Object.values(def(s).entries ?? {});

export interface SchemaFieldsProps {
  schema: z.ZodObject;
  /** The complete current values (defaults filled in). */
  value: Record<string, unknown>;
  onChange(key: string, value: unknown): void;
  /** A note per field, shown under it (e.g. why the loss is what it is). */
  notes?: Record<string, string>;
  disabled?: boolean;
  idPrefix: string;
}

export function SchemaFields({ schema, value, onChange, notes = {}, disabled, idPrefix }: SchemaFieldsProps) {
  return (
    <div className="schema-fields">
      {Object.entries(schema.shape as Record<string, Schema>).map(([key, field]) => (
        <Field
          key={key}
          id={`${idPrefix}-${key}`}
          name={key}
          schema={field}
          value={value[key]}
          note={notes[key]}
          disabled={disabled}
          onChange={(v) => onChange(key, v)}
        />
      ))}
    </div>
  );
}

interface FieldProps {
  id: string;
  name: string;
  schema: Schema;
  value: unknown;
  note?: string | undefined;
  disabled?: boolean | undefined;
  onChange(value: unknown): void;
}

function Field({ id, name, schema, value, note, disabled, onChange }: FieldProps) {
  const { inner, fallback, nullable } = unwrap(schema);
  const d = def(inner);
  const help = descriptionOf(schema);
  const label = labelOf(name);
  const footer = (
    <>
      {help ? <small className="field__help">{help}</small> : null}
      {note ? <small className="field__note">{note}</small> : null}
    </>
  );
  if (d.type === 'enum') {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={String(value ?? fallback ?? '')} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {choices(inner).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {footer}
      </div>
    );
  }
  if (d.type === 'number') {
    const optional = value === undefined && fallback === undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="number"
          value={optional ? '' : String(value ?? fallback)}
          placeholder={optional ? 'random' : undefined}
          min={Number.isFinite(inner.minValue) ? inner.minValue : undefined}
          max={Number.isFinite(inner.maxValue) ? inner.maxValue : undefined}
          step={inner.isInt ? 1 : 'any'}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
        {footer}
      </div>
    );
  }
  if (d.type === 'boolean') {
    return (
      <div className="field field--check">
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={Boolean(value ?? fallback)}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked)}
          />{' '}
          {label}
        </label>
        {footer}
      </div>
    );
  }
  if (d.type === 'array' && d.element && def(d.element).type === 'enum') {
    const selected = new Set((value ?? fallback ?? []) as string[]);
    return (
      <fieldset className="field">
        <legend>{label}</legend>
        {choices(d.element).map((c) => (
          <label key={c} className="field__inline">
            <input
              type="checkbox"
              checked={selected.has(c)}
              disabled={disabled}
              onChange={(e) => onChange(choices(d.element as Schema).filter((x) => (x === c ? e.target.checked : selected.has(x))))}
            />{' '}
            {c}
          </label>
        ))}
        {footer}
      </fieldset>
    );
  }
  if (d.type === 'union' && d.discriminator && d.options) {
    const key = d.discriminator;
    const current = (value ?? fallback ?? {}) as Record<string, unknown>;
    const variants = d.options.map((o) => ({ kind: String(def(o.shape?.[key] as Schema).values?.[0]), schema: o }));
    const active = variants.find((v) => v.kind === current[key]) ?? variants[0];
    return (
      <fieldset className="field">
        <legend>{label}</legend>
        <select
          aria-label={`${label}: kind`}
          value={active?.kind}
          disabled={disabled}
          onChange={(e) => onChange(defaultsOf(variants.find((v) => v.kind === e.target.value)?.schema, key))}
        >
          {variants.map((v) => (
            <option key={v.kind} value={v.kind}>
              {v.kind}
            </option>
          ))}
        </select>
        {active ? <SubFields id={id} schema={active.schema} skip={key} value={current} disabled={disabled} onChange={onChange} /> : null}
        {footer}
      </fieldset>
    );
  }
  if (d.type === 'object' && nullable) {
    const on = value !== null && value !== undefined;
    const current = (value ?? {}) as Record<string, unknown>;
    return (
      <fieldset className="field">
        <legend>
          <label>
            <input
              type="checkbox"
              checked={on}
              disabled={disabled}
              onChange={(e) => onChange(e.target.checked ? defaultsOf(inner) : null)}
            />{' '}
            {label}
          </label>
        </legend>
        {on ? <SubFields id={id} schema={inner} value={current} disabled={disabled} onChange={onChange} /> : null}
        {footer}
      </fieldset>
    );
  }
  return null;
}

function SubFields({
  id,
  schema,
  skip,
  value,
  disabled,
  onChange,
}: {
  id: string;
  schema: Schema;
  skip?: string;
  value: Record<string, unknown>;
  disabled?: boolean | undefined;
  onChange(v: unknown): void;
}) {
  return (
    <div className="field__sub">
      {Object.entries(schema.shape ?? {})
        .filter(([k]) => k !== skip)
        .map(([k, f]) => (
          <Field
            key={k}
            id={`${id}-${k}`}
            name={k}
            schema={f}
            value={value[k]}
            disabled={disabled}
            onChange={(v) => onChange({ ...value, [k]: v })}
          />
        ))}
    </div>
  );
}

/** An object of a variant's fields at their defaults (numbers without one start at 1). */
function defaultsOf(schema: Schema | undefined, discriminator?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema?.shape ?? {})) {
    const { inner, fallback } = unwrap(f);
    if (k === discriminator) out[k] = def(inner).values?.[0];
    else
      out[k] =
        fallback ??
        (def(inner).type === 'number'
          ? Math.max(inner.minValue ?? 0, k === 'factor' || k === 'decay' ? 0.5 : k === 'minRate' ? 0 : 1)
          : def(inner).type === 'enum'
            ? choices(inner)[0]
            : undefined);
  }
  return out;
}
