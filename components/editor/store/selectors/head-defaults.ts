import type { EditorState } from '../editor-state';

/**
 * The class count "Replace the head" starts from: the classes of the model's current output (the
 * last axis of its one output), else 2. Pages that know the dataset pass its class count instead.
 */
export function currentClassCount(state: EditorState): number {
  const [output] = state.analysis.outputs;
  if (!output || state.analysis.outputs.length !== 1) return 2;
  const shape = state.analysis.nodes[output.nodeId]?.outputShapes?.[output.port];
  const units = shape && shape.length === 2 ? shape[1] : null;
  return typeof units === 'number' && units >= 2 ? units : 2;
}
