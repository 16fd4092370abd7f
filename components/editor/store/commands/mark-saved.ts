import type { GraphDoc } from '../../../../engine/graph/schema';
import { defineCommand } from '../command';

export interface MarkSavedArgs {
  /**
   * The document the server accepted; default the current one. Pass the document that was sent, so
   * edits made while the save was under way keep the unsaved-changes marker on.
   */
  doc?: GraphDoc;
}

/** Records that a document is saved (after the server accepted it): clears the unsaved-changes marker. */
export const markSaved = defineCommand<MarkSavedArgs>({
  id: 'markSaved',
  label: 'Mark as saved',
  group: 'document',
  canRun: () => true,
  perform: (_state, args) => ({ undoable: false, markSaved: true, ...(args.doc ? { savedDoc: args.doc } : {}) }),
});
