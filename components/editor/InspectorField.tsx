'use client';

import { memo, useEffect, useId, useRef, useState } from 'react';
import { useEditor } from './EditorContext';
import { formatFieldText, parseFieldText } from './field-text';
import { type InspectorField, validateField } from './store';

interface FieldProps {
  field: InspectorField;
  nodeId: string;
  /** The layer type the field's path is relative to (the node's own type). */
  layerType: string;
  /** The node's params, for validating a field in the context of the others. */
  params: Record<string, unknown>;
}

const show = (v: unknown) => (v === undefined ? '' : v === null ? 'None' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * One inspector row, its control chosen by the field's kind (number, enum, on/off, tuple, list,
 * nested settings, wrapped layer, JSON). Values are checked with `validateField` as they are typed and
 * stored at once (the node shows the problem live); the field's doc text is its hover help.
 */
export const InspectorFieldRow = memo(function InspectorFieldRow({ field, nodeId, layerType, params }: FieldProps) {
  const { store, readOnly } = useEditor();
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const [text, setText] = useState(() => formatFieldText(field, field.value));
  const [localError, setLocalError] = useState<string | null>(null);
  const editing = useRef(false);

  // Follow changes made elsewhere (undo, paste, JSON view) unless the user is typing here.
  useEffect(() => {
    if (editing.current) return;
    setText(formatFieldText(field, field.value));
    setLocalError(null);
  }, [field, field.value]);

  const commit = (value: unknown) => {
    const result = store.dispatch('updateParams', { nodeId, path: field.path, value });
    if (!result.ok) setLocalError(result.reason);
  };
  const check = (value: unknown) => {
    const problem = validateField(layerType, field.path, value, params);
    setLocalError(problem);
  };
  const error = localError ?? field.error;
  const describedBy = [field.description ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const fallback = field.default;

  const info = field.description ? (
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
  const help = field.description ? (
    <span id={helpId} className="sr-only">
      {field.description}
    </span>
  ) : null;
  const problem = error ? (
    <span id={errorId} className="field__error" role="alert">
      {error}
    </span>
  ) : null;

  if (field.kind === 'object') {
    const on = field.value !== null && field.value !== undefined;
    return (
      <fieldset className="field field--group">
        <legend>{head(false)}</legend>
        {help}
        {field.nullable ? (
          <label className="field__switch">
            <input
              type="checkbox"
              checked={on}
              disabled={readOnly}
              aria-describedby={describedBy}
              onChange={(e) => {
                commit(e.target.checked ? {} : undefined);
                store.seal();
              }}
            />
            {on ? 'On' : 'Off'}
          </label>
        ) : null}
        {on || !field.nullable
          ? field.fields.map((sub) => (
              <InspectorFieldRow key={sub.path} field={sub} nodeId={nodeId} layerType={layerType} params={params} />
            ))
          : null}
        {problem}
      </fieldset>
    );
  }

  if (field.kind === 'layer') {
    return (
      <fieldset className="field field--group">
        <legend>{head(false)}</legend>
        {help}
        <div className="field">
          <label className="field__label" htmlFor={id}>
            Layer type
          </label>
          <select
            id={id}
            value={field.innerType}
            disabled={readOnly}
            aria-describedby={describedBy}
            onChange={(e) => {
              commit({ type: e.target.value, params: {} });
              store.seal();
            }}
          >
            {field.options.map((o) => (
              <option key={o.type} value={o.type}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {field.fields.map((sub) => (
          <InspectorFieldRow key={sub.path} field={sub} nodeId={nodeId} layerType={layerType} params={params} />
        ))}
        {problem}
      </fieldset>
    );
  }

  let control: React.ReactNode;
  if (field.kind === 'enum') {
    const current = field.value ?? fallback;
    const index = field.options.indexOf(current as string | number | boolean);
    control = (
      <select
        id={id}
        value={index >= 0 ? String(index) : 'custom'}
        disabled={readOnly}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        title={field.description}
        onChange={(e) => {
          const value = field.options[Number(e.target.value)];
          check(value);
          commit(value);
          store.seal();
        }}
      >
        {index < 0 ? <option value="custom">{show(current)}</option> : null}
        {field.options.map((o, i) => (
          <option key={String(o)} value={String(i)}>
            {String(o)}
            {o === fallback ? ' (default)' : ''}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        className="field__check"
        checked={Boolean(field.value ?? fallback)}
        disabled={readOnly}
        aria-describedby={describedBy}
        title={field.description}
        onChange={(e) => {
          commit(e.target.checked);
          store.seal();
        }}
      />
    );
  } else if (field.kind === 'constant') {
    control = (
      <output id={id} className="field__constant" aria-describedby={describedBy}>
        {show(field.value ?? field.value ?? fallback)}
      </output>
    );
  } else {
    const multiline = field.kind === 'json' || (field.kind === 'list' && field.item.kind !== 'number');
    const props = {
      id,
      value: text,
      readOnly,
      spellCheck: false,
      placeholder: fallback === undefined ? '' : formatFieldText(field, fallback) || show(fallback),
      'aria-describedby': describedBy,
      'aria-invalid': error ? true : undefined,
      title: field.description,
      onFocus: () => {
        editing.current = true;
      },
      onBlur: () => {
        editing.current = false;
        store.seal();
        setText(formatFieldText(field, field.value));
      },
      onChange: (e: { target: { value: string } }) => {
        const next = e.target.value;
        setText(next);
        const parsed = parseFieldText(field, next);
        if (!parsed.ok) return setLocalError(parsed.message);
        check(parsed.value);
        commit(parsed.value);
      },
    };
    control = multiline ? (
      <textarea {...props} className="field__json" rows={3} />
    ) : (
      <input {...props} type="text" inputMode={field.kind === 'number' ? 'decimal' : undefined} className="field__text" />
    );
  }

  return (
    <div className={`field field--${field.kind}${error ? ' field--invalid' : ''}`}>
      {head(true)}
      {control}
      {help}
      {problem}
    </div>
  );
});
