import { updateNodes } from '../change-ops';
import { defineCommand, refuse } from '../command';

export interface UngroupArgs {
  /** Groups to dissolve; default every group a selected layer belongs to. */
  groupIds?: string[];
}

/** Dissolves blocks: their layers stay where they are, ungrouped. */
export const ungroup = defineCommand<UngroupArgs>({
  id: 'ungroup',
  label: 'Ungroup',
  group: 'group',
  shortcut: ['Mod+Shift+G'],
  canRun: (state, args) => targetGroups(state.doc, state.selection.nodes, args).size > 0,
  perform(state, args) {
    const ids = targetGroups(state.doc, state.selection.nodes, args);
    if (ids.size === 0) return refuse('Select a layer of the block to ungroup first.');
    const members = new Set(state.doc.nodes.filter((n) => n.groupId !== undefined && ids.has(n.groupId)).map((n) => n.id));
    const changes = [
      ...updateNodes(state.doc, members, ({ groupId: _dropped, ...rest }) => rest),
      ...(state.doc.groups ?? []).filter((g) => ids.has(g.id)).map((g) => ({ kind: 'group.remove', id: g.id }) as const),
    ];
    return { changes, undoable: true };
  },
});

function targetGroups(
  doc: { nodes: readonly { id: string; groupId?: string }[]; groups?: readonly { id: string }[] },
  selected: readonly string[],
  args: UngroupArgs,
): Set<string> {
  const known = new Set((doc.groups ?? []).map((g) => g.id));
  if (args.groupIds) return new Set(args.groupIds.filter((id) => known.has(id)));
  const picked = new Set(selected);
  return new Set(doc.nodes.flatMap((n) => (picked.has(n.id) && n.groupId !== undefined && known.has(n.groupId) ? [n.groupId] : [])));
}
