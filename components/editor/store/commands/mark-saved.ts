import { defineCommand } from '../command';

/** Records that the current document is saved (after the server accepted it): clears the unsaved-changes marker. */
export const markSaved = defineCommand({
  id: 'markSaved',
  label: 'Mark as saved',
  group: 'document',
  canRun: () => true,
  perform: () => ({ undoable: false, markSaved: true }),
});
