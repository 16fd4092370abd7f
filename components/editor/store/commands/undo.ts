import { defineCommand, refuse } from '../command';

/** Reverts the last undoable change (and restores the selection it was made with). */
export const undo = defineCommand({
  id: 'undo',
  label: 'Undo',
  group: 'history',
  shortcut: ['Mod+Z'],
  canRun: (state) => state.history.canUndo,
  perform: (state) => (state.history.canUndo ? { undoable: false, history: 'undo' } : refuse('There is nothing to undo.')),
});
