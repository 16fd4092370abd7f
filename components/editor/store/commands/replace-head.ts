import { replaceHeadChanges } from '../../../../engine/graph/replace-head';
import { defineCommand, refuse } from '../command';
import { oneLayer } from '../doc-ops';

export interface ReplaceHeadArgs {
  /** The layer the new head follows; default the selected layer, else the last Flatten or global pooling layer. */
  after?: string;
  /** Classes of the new head. */
  classes: number;
  /** Dropout rate before the new Dense layer; 0 or omitted: none. */
  dropout?: number;
}

/**
 * "Replace the head": removes the classifier after the chosen layer and adds one for `classes`
 * classes (global pooling when needed, optional dropout, Dense with softmax), as one undoable edit.
 * Hands back the ids of the added layers; the new Dense layer is selected.
 */
export const replaceHead = defineCommand<ReplaceHeadArgs, string[]>({
  id: 'replaceHead',
  label: 'Replace the head',
  group: 'edit',
  canRun: (state) => state.doc.nodes.length > 0,
  perform(state, args) {
    const after = args.after ?? oneLayer(state.doc, state.selection.nodes);
    const plan = replaceHeadChanges(state.doc, state.analysis, {
      classes: args.classes,
      ...(after !== undefined ? { after } : {}),
      ...(args.dropout ? { dropout: args.dropout } : {}),
    });
    if (!plan.ok) return refuse(plan.problem);
    const last = plan.added.at(-1) as string;
    return { changes: plan.changes, selection: { nodes: [last], edges: [] }, undoable: true, output: plan.added };
  },
});
