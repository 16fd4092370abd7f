import { extractFragment } from '../clipboard';
import { defineCommand, refuse } from '../command';
import { existingNodes } from '../doc-ops';
import { selectionOf } from '../editor-state';
import { insertFragment, PASTE_OFFSET } from '../insert-fragment';

/**
 * Duplicates the selected layers next to the originals and selects the copies. Unlike copy and
 * paste, connections feeding the selection from outside are kept, so the copy is a parallel branch
 * on the same inputs. Output: the new node ids.
 */
export const duplicateSelection = defineCommand<Record<never, never>, string[]>({
  id: 'duplicateSelection',
  label: 'Duplicate',
  group: 'edit',
  shortcut: ['Mod+D'],
  canRun: (state) => state.selection.nodes.length > 0,
  perform(state) {
    const ids = existingNodes(state.doc, state.selection.nodes);
    if (ids.length === 0) return refuse('Select the layers to duplicate first.');
    const inside = new Set(ids);
    const incoming = state.doc.edges.filter((e) => inside.has(e.target) && !inside.has(e.source));
    const fragment = extractFragment(state.doc, ids);
    const inserted = insertFragment(state.doc, fragment, { offset: { x: PASTE_OFFSET, y: PASTE_OFFSET } }, incoming);
    return { changes: inserted.changes, selection: selectionOf(inserted.nodes, inserted.edges), undoable: true, output: inserted.nodes };
  },
});
