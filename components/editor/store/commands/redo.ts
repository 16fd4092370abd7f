import { defineCommand, refuse } from '../command';

/** Repeats the last undone change. */
export const redo = defineCommand({
  id: 'redo',
  label: 'Redo',
  group: 'history',
  shortcut: ['Mod+Shift+Z', 'Mod+Y'],
  canRun: (state) => state.history.canRedo,
  perform: (state) => (state.history.canRedo ? { undoable: false, history: 'redo' } : refuse('There is nothing to redo.')),
});
