import { updateNodes } from '../change-ops';
import { defineCommand, NOTHING, refuse } from '../command';
import { existingNodes } from '../doc-ops';

export interface SetTrainableArgs {
  /** Layers to change; default the selection. */
  ids?: string[];
  /** `false` freezes the weights (they count as non-trainable); `true` is the default and is not stored. */
  trainable: boolean;
}

/** Freezes or unfreezes the weights of layers. */
export const setTrainable = defineCommand<SetTrainableArgs>({
  id: 'setTrainable',
  label: 'Freeze weights',
  group: 'edit',
  canRun: (state, args) => existingNodes(state.doc, args.ids ?? state.selection.nodes).length > 0,
  perform(state, args) {
    const ids = existingNodes(state.doc, args.ids ?? state.selection.nodes);
    if (ids.length === 0) return refuse('Select the layers to freeze or unfreeze first.');
    const changes = updateNodes(state.doc, new Set(ids), (node) => {
      if ((node.trainable ?? true) === args.trainable) return node;
      const { trainable: _old, ...rest } = node;
      return args.trainable ? rest : { ...rest, trainable: false };
    });
    return changes.length === 0 ? NOTHING : { changes, undoable: true };
  },
});
