import { defineCommand, NOTHING, refuse } from '../command';
import type { EditorState } from '../editor-state';

export interface ToggleGroupCollapsedArgs {
  /** The block; default the one block the selected layers belong to. */
  groupId?: string;
  /** Set explicitly; default flips the current state. */
  collapsed?: boolean;
}

/**
 * Collapses a block to one box on the canvas, or expands it again. The state is part of the document
 * (a saved diagram opens as it was left), so it is undoable like any edit.
 */
export const toggleGroupCollapsed = defineCommand<ToggleGroupCollapsedArgs>({
  id: 'toggleGroupCollapsed',
  label: 'Collapse or expand block',
  group: 'group',
  shortcut: ['C'],
  canRun: (state, args) => target(state, args) !== undefined,
  perform(state, args) {
    const id = target(state, args);
    if (id === undefined) {
      return refuse(args.groupId === undefined ? 'Select the layers of one block first.' : `There is no block "${args.groupId}".`);
    }
    const groups = state.doc.groups ?? [];
    const current = groups.find((g) => g.id === id);
    if (!current) return refuse(`There is no block "${id}".`);
    const collapsed = args.collapsed ?? !current.collapsed;
    if (collapsed === current.collapsed) return NOTHING;
    return { changes: [{ kind: 'group.set', group: { ...current, collapsed } }], undoable: true };
  },
});

/** The named block if it exists, else the single block every selected layer belongs to. */
function target(state: EditorState, args: ToggleGroupCollapsedArgs): string | undefined {
  const groups = state.doc.groups ?? [];
  if (args.groupId !== undefined) return groups.some((g) => g.id === args.groupId) ? args.groupId : undefined;
  if (state.selection.nodes.length === 0) return undefined;
  const selected = new Set(state.selection.nodes);
  const ids = new Set(state.doc.nodes.filter((n) => selected.has(n.id)).map((n) => n.groupId));
  const [only] = ids;
  return ids.size === 1 && only !== undefined && groups.some((g) => g.id === only) ? only : undefined;
}
