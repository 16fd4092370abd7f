import { removalChanges } from '../change-ops';
import { defineCommand, refuse } from '../command';
import { EMPTY_SELECTION, isSelectionEmpty } from '../editor-state';

/** Deletes the selected layers (with their connections) and the selected connections. */
export const deleteSelection = defineCommand({
  id: 'deleteSelection',
  label: 'Delete',
  group: 'edit',
  shortcut: ['Delete', 'Backspace'],
  canRun: (state) => !isSelectionEmpty(state.selection),
  perform(state) {
    if (isSelectionEmpty(state.selection)) return refuse('Select the layers or connections to delete first.');
    const changes = removalChanges(state.doc, new Set(state.selection.nodes), new Set(state.selection.edges));
    return { changes, selection: EMPTY_SELECTION, undoable: true };
  },
});
