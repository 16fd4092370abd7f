import { readClipboardText } from '../clipboard';
import { defineCommand, refuse } from '../command';
import { selectionOf } from '../editor-state';
import { insertFragment, PASTE_OFFSET } from '../insert-fragment';

export interface PasteArgs {
  /** The system clipboard's text. */
  text: string;
  /** Canvas point for the top-left of the pasted layers (e.g. under the pointer); default: offset from the originals. */
  at?: { x: number; y: number };
}

/**
 * Pastes layers copied in this or any other project (or a whole graph document's JSON) under fresh
 * ids, with their internal connections and groups remapped, and selects them. Text that is not
 * NetCanvas layers is refused with a message saying so. Output: the new node ids.
 */
export const paste = defineCommand<PasteArgs, string[]>({
  id: 'paste',
  label: 'Paste',
  group: 'edit',
  shortcut: ['Mod+V'],
  canRun: (_state, args) => readClipboardText(args.text).ok,
  perform(state, args) {
    const read = readClipboardText(args.text);
    if (!read.ok) return refuse(read.reason);
    if (args.at && !(Number.isFinite(args.at.x) && Number.isFinite(args.at.y))) return refuse('The paste position must be finite.');
    const placement = args.at ? { at: args.at } : { offset: { x: PASTE_OFFSET, y: PASTE_OFFSET } };
    const inserted = insertFragment(state.doc, read.fragment, placement);
    return { changes: inserted.changes, selection: selectionOf(inserted.nodes, inserted.edges), undoable: true, output: inserted.nodes };
  },
});
