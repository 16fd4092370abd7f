import { defineCommand } from '../command';
import { type Selection, selectionOf } from '../editor-state';

export interface SelectNodesArgs {
  nodes?: string[];
  edges?: string[];
  /**
   * `replace` (default) selects exactly these; `add` extends the selection (shift-click, box select);
   * `toggle` flips each one (Ctrl/Cmd-click); `remove` deselects them.
   */
  mode?: 'replace' | 'add' | 'toggle' | 'remove';
}

/** Changes the selection (multi-select included). Never makes an undo entry. Unknown ids are ignored. */
export const selectNodes = defineCommand<SelectNodesArgs>({
  id: 'selectNodes',
  label: 'Select',
  group: 'selection',
  canRun: () => true,
  perform(state, args) {
    const nodes = combine(state.selection.nodes, args.nodes ?? [], args.mode);
    const edges = combine(state.selection.edges, args.edges ?? [], args.mode);
    const selection: Selection = selectionOf(nodes, edges);
    return { selection, undoable: false };
  },
});

function combine(current: readonly string[], ids: readonly string[], mode: SelectNodesArgs['mode'] = 'replace'): string[] {
  switch (mode) {
    case 'replace':
      return [...new Set(ids)];
    case 'add':
      return [...new Set([...current, ...ids])];
    case 'remove': {
      const drop = new Set(ids);
      return current.filter((id) => !drop.has(id));
    }
    case 'toggle': {
      const flip = new Set(ids);
      return [...current.filter((id) => !flip.has(id)), ...[...flip].filter((id) => !current.includes(id))];
    }
  }
}
