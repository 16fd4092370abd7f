import { nodeUpdate } from '../change-ops';
import { defineCommand, NOTHING, refuse } from '../command';
import { findNode } from '../doc-ops';

export interface RenameNodeArgs {
  nodeId: string;
  /** The new name; empty (after trimming) removes it, so the layer is called by its id again. */
  name: string;
}

/** Renames a layer (its TF.js layer name, made unique by the analysis). Typing in the field makes one undo entry. */
export const renameNode = defineCommand<RenameNodeArgs>({
  id: 'renameNode',
  label: 'Rename layer',
  group: 'edit',
  canRun: (state, args) => findNode(state.doc, args.nodeId) !== undefined,
  perform(state, args) {
    const node = findNode(state.doc, args.nodeId);
    if (!node) return refuse(`There is no layer "${args.nodeId}".`);
    const name = args.name.trim();
    if (name.length > 200) return refuse('Names are at most 200 characters long.');
    if ((node.name ?? '') === name) return NOTHING;
    const { name: _old, ...rest } = node;
    const update = nodeUpdate(node, name ? { ...rest, name } : rest);
    return { changes: update ? [update] : [], undoable: true, coalesceKey: `rename:${node.id}` };
  },
});
