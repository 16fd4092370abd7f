'use client';

import { copySelection, pasteFromClipboard } from './clipboard-io';
import type { EditorUi } from './EditorContext';
import { elkPositions } from './elk-layout';
import { type CommandId, isUiAction, type ShortcutAction, type UiAction } from './store';

/** Commands that change the document: not offered in a read-only editor. */
const EDITS: ReadonlySet<CommandId> = new Set([
  'undo',
  'redo',
  'addNode',
  'deleteSelection',
  'moveNodes',
  'connect',
  'disconnect',
  'updateParams',
  'renameNode',
  'setTrainable',
  'freezeUpTo',
  'cutAfter',
  'replaceHead',
  'duplicateSelection',
  'cut',
  'paste',
  'group',
  'ungroup',
  'toggleGroupCollapsed',
  'renameGroup',
  'autoLayout',
  'foldColumns',
  'setTraining',
  'replaceDocument',
]);

export function isEdit(action: ShortcutAction): boolean {
  return !isUiAction(action) && EDITS.has(action);
}

/**
 * Runs what a toolbar button or a shortcut asks for. Commands that need something from the browser
 * get it here — the clipboard for copy and paste, elk (in its worker) for auto-layout — the others
 * are dispatched as they are; UI actions go to `onUi`. Refusals are shown to the user.
 */
export async function runAction(action: ShortcutAction, ui: EditorUi, onUi: (action: UiAction) => void): Promise<void> {
  if (isUiAction(action)) {
    if (action === 'fitView') ui.canvas.current?.fitView();
    else onUi(action);
    return;
  }
  if (ui.readOnly && EDITS.has(action)) return;
  const { store, notify } = ui;
  switch (action) {
    case 'copy':
    case 'cut': {
      const result = await copySelection(store, action === 'cut');
      notify(result.message, result.ok ? 'info' : 'error');
      return;
    }
    case 'paste': {
      const result = await pasteFromClipboard(store, ui.canvas.current);
      notify(result.message, result.ok ? 'info' : 'error');
      return;
    }
    case 'autoLayout': {
      const doc = store.getState().doc;
      if (doc.nodes.length === 0) return notify('There is nothing to lay out.', 'error');
      try {
        const positions = await elkPositions(doc);
        const result = store.dispatch('autoLayout', { positions });
        if (!result.ok) notify(result.reason, 'error');
      } catch {
        // The worker could not start (blocked, missing file): the simple layered layout still works.
        store.dispatch('autoLayout');
      }
      ui.canvas.current?.fitView();
      return;
    }
    case 'foldColumns': {
      const box = document.querySelector('.editor__stage')?.getBoundingClientRect();
      const result = store.dispatch('foldColumns', box && box.height > 0 ? { aspect: box.width / box.height } : {});
      if (!result.ok) notify(result.reason, 'error');
      else ui.canvas.current?.fitView();
      return;
    }
    default: {
      const result = (store.dispatch as (id: CommandId, args?: unknown) => { ok: boolean; reason?: string })(action);
      if (!result.ok && result.reason) notify(result.reason, 'error');
    }
  }
}
