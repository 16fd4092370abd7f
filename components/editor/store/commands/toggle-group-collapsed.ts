import { defineCommand, NOTHING, refuse } from '../command';

export interface ToggleGroupCollapsedArgs {
  groupId: string;
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
  canRun: (state, args) => (state.doc.groups ?? []).some((g) => g.id === args.groupId),
  perform(state, args) {
    const groups = state.doc.groups ?? [];
    const current = groups.find((g) => g.id === args.groupId);
    if (!current) return refuse(`There is no block "${args.groupId}".`);
    const collapsed = args.collapsed ?? !current.collapsed;
    if (collapsed === current.collapsed) return NOTHING;
    const next = groups.map((g) => (g === current ? { ...g, collapsed } : g));
    return { doc: { ...state.doc, groups: next }, undoable: true };
  },
});
