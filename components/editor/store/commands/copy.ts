import { extractFragment, toClipboardText } from '../clipboard';
import { defineCommand, refuse } from '../command';
import { existingNodes } from '../doc-ops';

/**
 * Copies the selected layers, the connections between them and their groups as clipboard JSON text
 * (the output); the UI writes it to the system clipboard. Changes nothing.
 */
export const copy = defineCommand<{ ids?: string[] }, string>({
  id: 'copy',
  label: 'Copy',
  group: 'edit',
  shortcut: ['Mod+C'],
  canRun: (state, args) => existingNodes(state.doc, args.ids ?? state.selection.nodes).length > 0,
  perform(state, args) {
    const ids = existingNodes(state.doc, args.ids ?? state.selection.nodes);
    if (ids.length === 0) return refuse('Select the layers to copy first.');
    return { undoable: false, output: toClipboardText(extractFragment(state.doc, ids)) };
  },
});
