import { removalChanges } from '../change-ops';
import { extractFragment, toClipboardText } from '../clipboard';
import { defineCommand, refuse } from '../command';
import { EMPTY_SELECTION } from '../editor-state';

/** Copies the selected layers (output: clipboard text, as `copy`) and deletes them and the selected connections. */
export const cut = defineCommand<Record<never, never>, string>({
  id: 'cut',
  label: 'Cut',
  group: 'edit',
  shortcut: ['Mod+X'],
  canRun: (state) => state.selection.nodes.length > 0,
  perform(state) {
    if (state.selection.nodes.length === 0) return refuse('Select the layers to cut first.');
    const text = toClipboardText(extractFragment(state.doc, state.selection.nodes));
    const changes = removalChanges(state.doc, new Set(state.selection.nodes), new Set(state.selection.edges));
    return { changes, selection: EMPTY_SELECTION, undoable: true, output: text };
  },
});
