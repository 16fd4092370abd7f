import { foldColumns as fold } from '../../../../engine/import/fold-columns';
import { updateNodes } from '../change-ops';
import { defineCommand, refuse } from '../command';

export interface FoldColumnsArgs {
  /** The canvas's width / height: the folded design fills it at fit view. Default 16:9. */
  aspect?: number;
}

/**
 * Folds a long column of layers into side-by-side columns that fill the window, so a deep network
 * stays readable at fit view (on a projector, say). Only positions change; undo unfolds.
 */
export const foldColumns = defineCommand<FoldColumnsArgs>({
  id: 'foldColumns',
  label: 'Fold long columns',
  group: 'arrange',
  canRun: (state) => state.doc.nodes.length > 1,
  perform(state, args) {
    const positions = fold(state.doc, args.aspect ?? 16 / 9);
    if (!positions) return refuse('The design already fits the window: there is no long column to fold.');
    const changes = updateNodes(state.doc, new Set(Object.keys(positions)), (node) => {
      const to = positions[node.id];
      return to ? { ...node, position: to } : node;
    });
    return { changes, undoable: true };
  },
});
