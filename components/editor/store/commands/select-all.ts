import { defineCommand, NOTHING } from '../command';
import { selectionOf } from '../editor-state';

/** Selects every layer and connection. */
export const selectAll = defineCommand({
  id: 'selectAll',
  label: 'Select all',
  group: 'selection',
  shortcut: ['Mod+A'],
  canRun: (state) => state.doc.nodes.length > 0,
  perform: (state) =>
    state.doc.nodes.length === 0
      ? NOTHING
      : {
          selection: selectionOf(
            state.doc.nodes.map((n) => n.id),
            state.doc.edges.map((e) => e.id),
          ),
          undoable: false,
        },
});
