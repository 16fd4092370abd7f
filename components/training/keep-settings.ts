import type { DispatchResult, EditorStore } from '@/components/editor/store';
import type { SetTrainingArgs } from '@/components/editor/store/commands/set-training';
import type { GraphDoc } from '@/engine/graph/schema';
import type { TrainingConfigInput } from '@/engine/graph/training-config';

/** The settings changed on the Train tab (fields put back to their default are left out). */
export function chosenSettings(overrides: TrainingConfigInput): SetTrainingArgs['patch'] {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as SetTrainingArgs['patch'];
}

/**
 * Keeps the settings changed on the Train tab in the design: one `setTraining` edit of the editor's
 * document, so it shows as an unsaved change, is undone and redone in the editor like any edit and
 * goes into the next saved version. A refusal carries the reason (an invalid setting).
 */
export function keepSettings(store: EditorStore, overrides: TrainingConfigInput): DispatchResult {
  // One click, one undo entry: never merged with an earlier edit of the same settings.
  store.seal();
  const result = store.dispatch('setTraining', { patch: chosenSettings(overrides) });
  store.seal();
  return result;
}

/**
 * The saved version's graph with the editor's training settings, when the editor holds that version:
 * settings kept on the Train tab (and not saved yet) are then the starting point of the form.
 */
export function withEditorSettings(graph: GraphDoc, editorDoc: GraphDoc): GraphDoc {
  if (graph.training === editorDoc.training) return graph;
  const { training: _saved, ...rest } = graph;
  return editorDoc.training ? { ...rest, training: editorDoc.training } : rest;
}
