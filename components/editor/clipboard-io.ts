'use client';

import type { CanvasActions } from './EditorContext';
import { type EditorStore, readClipboardText } from './store';

/** The last copied text, for when the browser will not let the page read the system clipboard. */
let fallback = '';

/** Copies (or cuts) the selection as NetCanvas clipboard JSON into the system clipboard. */
export async function copySelection(store: EditorStore, cut = false): Promise<{ ok: boolean; message: string }> {
  const result = store.dispatch(cut ? 'cut' : 'copy');
  if (!result.ok) return { ok: false, message: result.reason };
  const text = result.output as string;
  fallback = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Kept in `fallback`: pasting in this tab still works.
  }
  return { ok: true, message: `${cut ? 'Cut' : 'Copied'} ${countOf(text)} — paste it here or in another project.` };
}

/** Text to put on the clipboard for a native copy or cut event (keyboard shortcuts). */
export function clipboardTextFor(store: EditorStore, cut: boolean): string | null {
  const result = store.dispatch(cut ? 'cut' : 'copy');
  if (!result.ok) return null;
  fallback = result.output as string;
  return fallback;
}

/**
 * Pastes clipboard text: layers copied in this project land next to the originals, layers from
 * another project (or a graph document) under the pointer, or in the middle of the view.
 */
export function pasteText(store: EditorStore, canvas: CanvasActions | null, text: string): { ok: boolean; message: string } {
  const read = readClipboardText(text);
  if (!read.ok) return { ok: false, message: read.reason };
  const state = store.getState();
  const ids = new Set(state.doc.nodes.map((n) => n.id));
  const sameProject = read.fragment.nodes.length > 0 && read.fragment.nodes.every((n) => ids.has(n.id));
  const at = sameProject ? undefined : (canvas?.pointer() ?? canvas?.viewCentre());
  const result = store.dispatch('paste', at ? { text, at: { x: Math.round(at.x), y: Math.round(at.y) } } : { text });
  if (!result.ok) return { ok: false, message: result.reason };
  const n = (result.output as string[]).length;
  return { ok: true, message: `Pasted ${n} layer${n === 1 ? '' : 's'}.` };
}

/** Pastes from the system clipboard (toolbar button), falling back to the last copy in this tab. */
export async function pasteFromClipboard(store: EditorStore, canvas: CanvasActions | null): Promise<{ ok: boolean; message: string }> {
  let text = fallback;
  try {
    text = (await navigator.clipboard.readText()) || fallback;
  } catch {
    // Reading needs a permission the browser may not grant; the last copy here is the best guess.
  }
  if (!text) return { ok: false, message: 'The clipboard is empty: copy some layers first.' };
  return pasteText(store, canvas, text);
}

function countOf(text: string): string {
  const read = readClipboardText(text);
  const n = read.ok ? read.fragment.nodes.length : 0;
  return `${n} layer${n === 1 ? '' : 's'}`;
}
