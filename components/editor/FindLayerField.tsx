'use client';

import { type FormEvent, useId, useState } from 'react';
import { useEditor, useEditorState } from './EditorContext';
import { icons } from './icons';
import type { EditorState } from './store';

const nodesOf = (s: EditorState) => s.doc.nodes;

/**
 * "Go to a layer": a button beside the layer count that opens a name field with the design's layers to pick from;
 * picking one selects it and brings it into view. A pretrained network has a hundred or more layers,
 * and the one to cut at or to freeze up to is rarely on screen, however the canvas is zoomed. Closed
 * it is one small button, so the status line keeps to one row on a projector.
 */
export function FindLayerField({ enabled }: { enabled: boolean }) {
  const ui = useEditor();
  const nodes = useEditorState(nodesOf);
  const list = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [open, setOpen] = useState(false);
  const labelOf = (n: (typeof nodes)[number]) => n.name ?? n.id;

  /** The layer the text names: exactly, else the first whose name contains it. */
  function find(value: string) {
    const wanted = value.trim().toLowerCase();
    if (!wanted) return undefined;
    return nodes.find((n) => labelOf(n).toLowerCase() === wanted) ?? nodes.find((n) => labelOf(n).toLowerCase().includes(wanted));
  }

  function go(value: string, exactOnly: boolean) {
    const node = exactOnly ? nodes.find((n) => labelOf(n).toLowerCase() === value.trim().toLowerCase()) : find(value);
    if (node) ui.canvas.current?.focusNode(node.id);
    setMissing(!exactOnly && !node);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    go(text, false);
  }

  if (!open) {
    return (
      <button
        type="button"
        className="tool"
        aria-label="Go to a layer"
        title="Go to a layer by its name"
        disabled={!enabled || nodes.length === 0}
        onClick={() => setOpen(true)}
      >
        {icons.find}
      </button>
    );
  }
  return (
    <form className="find-layer" onSubmit={submit}>
      <input
        type="search"
        aria-label="Layer name"
        placeholder="Go to layer…"
        title="Type or pick a layer's name to select it and bring it into view; Escape closes"
        list={list}
        value={text}
        // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked for it
        autoFocus
        aria-invalid={missing}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => {
          if (!text) setOpen(false);
        }}
        onChange={(e) => {
          setText(e.target.value);
          setMissing(false);
          // Picking from the list gives the whole name at once: go there without waiting for Enter.
          go(e.target.value, true);
        }}
      />
      <datalist id={list}>
        {nodes.map((n) => (
          <option key={n.id} value={labelOf(n)} />
        ))}
      </datalist>
    </form>
  );
}
