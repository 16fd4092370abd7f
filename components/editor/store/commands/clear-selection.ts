import { defineCommand, NOTHING } from '../command';
import { EMPTY_SELECTION, isSelectionEmpty } from '../editor-state';

/** Deselects everything. */
export const clearSelection = defineCommand({
  id: 'clearSelection',
  label: 'Select none',
  group: 'selection',
  shortcut: ['Escape'],
  canRun: (state) => !isSelectionEmpty(state.selection),
  perform: (state) => (isSelectionEmpty(state.selection) ? NOTHING : { selection: EMPTY_SELECTION, undoable: false }),
});
