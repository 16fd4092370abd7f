import type { GraphGroup } from '../../../../engine/graph/schema';
import { emptiedGroups, updateNodes } from '../change-ops';
import { defineCommand, refuse } from '../command';
import { existingNodes, freshId } from '../doc-ops';

export interface GroupArgs {
  /** Layers to group; default the selected ones. Layers already in another group move to the new one. */
  ids?: string[];
  /** Name of the block; default "Block N". */
  name?: string;
}

/** Groups layers into a named block that can be collapsed to one box. Output: the group id. */
export const group = defineCommand<GroupArgs, string>({
  id: 'group',
  label: 'Group into block',
  group: 'group',
  shortcut: ['Mod+G'],
  canRun: (state, args) => existingNodes(state.doc, args.ids ?? state.selection.nodes).length > 0,
  perform(state, args) {
    const ids = existingNodes(state.doc, args.ids ?? state.selection.nodes);
    if (ids.length === 0) return refuse('Select the layers to group first.');
    const name = (args.name ?? '').trim() || defaultName(state.doc.groups ?? []);
    if (name.length > 200) return refuse('Block names are at most 200 characters long.');
    const groups = state.doc.groups ?? [];
    const id = freshId('group', new Set(groups.map((g) => g.id)));
    const members = new Set(ids);
    const moved = state.doc.nodes.map((node) => (members.has(node.id) ? { ...node, groupId: id } : node));
    const changes = [
      { kind: 'group.set', group: { id, name, collapsed: false } } as const,
      ...updateNodes(state.doc, members, (node) => (node.groupId === id ? node : { ...node, groupId: id })),
      ...emptiedGroups(state.doc.nodes, moved, state.doc),
    ];
    return { changes, undoable: true, output: id };
  },
});

function defaultName(groups: readonly GraphGroup[]): string {
  const names = new Set(groups.map((g) => g.name));
  let n = 1;
  while (names.has(`Block ${n}`)) n++;
  return `Block ${n}`;
}
