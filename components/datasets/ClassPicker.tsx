'use client';

import { type FormEvent, type ReactNode, useState } from 'react';

/**
 * The labellers' classes: a button per class with its colour and key (the pressed one is what new
 * labels get), then a field to add a class. `extra` adds to a class's button (the mask labeller's
 * share of the image).
 */
export function ClassPicker({
  classes,
  active,
  keys,
  colour,
  placeholder,
  extra,
  onPick,
  onAdd,
}: {
  classes: readonly string[];
  active: number;
  keys: readonly (string | null)[];
  colour: (cls: number) => string;
  placeholder: string;
  extra?: (cls: number) => ReactNode;
  onPick: (cls: number) => void;
  onAdd: (name: string) => void;
}) {
  const [name, setName] = useState('');
  function add(event: FormEvent) {
    event.preventDefault();
    onAdd(name);
    setName('');
  }
  return (
    <>
      <fieldset className="ds-keys box-classes" aria-label="Classes">
        {classes.map((c, i) => (
          <button key={c} type="button" aria-pressed={active === i} onClick={() => onPick(i)}>
            <span className="box-swatch" style={{ background: colour(i) }} />
            {keys[i] ? <span className="kbd">{keys[i]}</span> : null} {c}
            {extra?.(i)}
          </button>
        ))}
      </fieldset>
      <form className="row" onSubmit={add}>
        <label>
          New class
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder={placeholder} />
        </label>
        <button type="submit" disabled={!name.trim()}>
          Add class
        </button>
      </form>
    </>
  );
}
