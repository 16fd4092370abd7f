'use client';

import { useEffect } from 'react';
import { isEdit, runAction } from './actions';
import { clipboardTextFor, pasteText } from './clipboard-io';
import type { EditorUi } from './EditorContext';
import { matchShortcut, type UiAction } from './store';
import { usePlatform } from './usePlatform';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
}

/** Text is selected on the page (in a panel): copy should copy that, not layers. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

/**
 * The editor's keyboard: every shortcut of the registry (undo, delete, group, layout…) while the
 * focus is not in a text field — there only Save fires, so fields keep their own undo and clipboard.
 * Copy, cut and paste go through the browser's clipboard events, so layers travel as JSON text
 * between tabs and projects without asking for clipboard permissions.
 */
export function useEditorShortcuts(ui: EditorUi | null, onUi: (action: UiAction) => void): void {
  const platform = usePlatform();
  useEffect(() => {
    if (!ui) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('dialog[open]')) return;
      const action = matchShortcut(event, { platform, inTextField: isTextField(event.target) });
      if (action === null) return;
      if (action === 'copy' || action === 'cut' || action === 'paste') return;
      if (ui.readOnly && isEdit(action)) return;
      event.preventDefault();
      void runAction(action, ui, onUi);
    };
    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      if (isTextField(event.target) || hasTextSelection() || document.querySelector('dialog[open]')) return;
      if (ui.readOnly && cut) return;
      const text = clipboardTextFor(ui.store, cut);
      if (text === null) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
      const n = ui.store.getState().selection.nodes.length;
      ui.notify(cut ? 'Cut the selected layers.' : `Copied ${n} layer${n === 1 ? '' : 's'} — paste them here or in another project.`);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (ui.readOnly || isTextField(event.target) || document.querySelector('dialog[open]')) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!text) return;
      event.preventDefault();
      const result = pasteText(ui.store, ui.canvas.current, text);
      ui.notify(result.message, result.ok ? 'info' : 'error');
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, [ui, onUi, platform]);
}
