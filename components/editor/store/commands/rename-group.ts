import { defineCommand, NOTHING, refuse } from '../command';

export interface RenameGroupArgs {
  groupId: string;
  name: string;
}

/** Renames a block. Typing in the name field makes one undo entry. */
export const renameGroup = defineCommand<RenameGroupArgs>({
  id: 'renameGroup',
  label: 'Rename block',
  group: 'group',
  canRun: (state, args) => (state.doc.groups ?? []).some((g) => g.id === args.groupId) && args.name.trim().length > 0,
  perform(state, args) {
    const groups = state.doc.groups ?? [];
    const current = groups.find((g) => g.id === args.groupId);
    if (!current) return refuse(`There is no block "${args.groupId}".`);
    const name = args.name.trim();
    if (name.length === 0) return refuse('A block needs a name.');
    if (name.length > 200) return refuse('Block names are at most 200 characters long.');
    if (name === current.name) return NOTHING;
    return { changes: [{ kind: 'group.set', group: { ...current, name } }], undoable: true, coalesceKey: `rename-group:${current.id}` };
  },
});
