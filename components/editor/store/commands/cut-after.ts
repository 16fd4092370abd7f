import { cutAfterChanges } from '../../../../engine/graph/cut-after';
import { defineCommand, NOTHING, refuse } from '../command';
import { oneLayer } from '../doc-ops';

export interface CutAfterArgs {
  /** The last layer to keep; default the one selected layer. */
  nodeId?: string;
}

/** "Cut after this layer": removes every layer after it (and branches it does not need), as one undoable edit. */
export const cutAfter = defineCommand<CutAfterArgs>({
  id: 'cutAfter',
  label: 'Cut after this layer',
  group: 'edit',
  canRun: (state, args) => oneLayer(state.doc, state.selection.nodes, args.nodeId) !== undefined,
  perform(state, args) {
    const nodeId = oneLayer(state.doc, state.selection.nodes, args.nodeId);
    if (nodeId === undefined) return refuse('Select the last layer to keep first.');
    const changes = cutAfterChanges(state.doc, nodeId) ?? [];
    if (changes.length === 0) return NOTHING;
    return { changes, selection: { nodes: [nodeId], edges: [] }, undoable: true };
  },
});
