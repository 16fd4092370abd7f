import { freezeUpToChanges } from '../../../../engine/graph/freeze';
import { defineCommand, NOTHING, refuse } from '../command';
import { oneLayer } from '../doc-ops';

export interface FreezeUpToArgs {
  /** The last layer to freeze; default the one selected layer. */
  nodeId?: string;
}

/** "Freeze everything up to here": the layer and all it depends on keep their weights while the rest trains. */
export const freezeUpTo = defineCommand<FreezeUpToArgs>({
  id: 'freezeUpTo',
  label: 'Freeze everything up to here',
  group: 'edit',
  canRun: (state, args) => oneLayer(state.doc, state.selection.nodes, args.nodeId) !== undefined,
  perform(state, args) {
    const nodeId = oneLayer(state.doc, state.selection.nodes, args.nodeId);
    if (nodeId === undefined) return refuse('Select the last layer to freeze first.');
    const changes = freezeUpToChanges(state.doc, nodeId);
    return changes.length === 0 ? NOTHING : { changes, undoable: true };
  },
});
