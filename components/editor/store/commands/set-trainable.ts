import { blockMembers, trainableChanges } from '../../../../engine/graph/freeze';
import { defineCommand, NOTHING, refuse } from '../command';
import { existingNodes } from '../doc-ops';

export interface SetTrainableArgs {
  /** Layers to change; default the selection. */
  ids?: string[];
  /** A block (group) whose layers all change, instead of `ids`. */
  groupId?: string;
  /** `false` freezes the weights (they count as non-trainable); `true` is the default and is not stored. */
  trainable: boolean;
}

/** Freezes or unfreezes the weights of layers, or of every layer of a block. */
export const setTrainable = defineCommand<SetTrainableArgs>({
  id: 'setTrainable',
  label: 'Freeze weights',
  group: 'edit',
  canRun: (state, args) => targets(state.doc, state.selection.nodes, args).length > 0,
  perform(state, args) {
    const ids = targets(state.doc, state.selection.nodes, args);
    if (ids.length === 0)
      return refuse(args.groupId !== undefined ? 'This block has no layers to freeze.' : 'Select the layers to freeze or unfreeze first.');
    const changes = trainableChanges(state.doc, ids, args.trainable);
    return changes.length === 0 ? NOTHING : { changes, undoable: true };
  },
});

function targets(doc: Parameters<typeof blockMembers>[0], selection: readonly string[], args: SetTrainableArgs): string[] {
  if (args.groupId !== undefined) return blockMembers(doc, args.groupId);
  return existingNodes(doc, args.ids ?? selection);
}
