import { defineCommand, NOTHING, refuse } from '../command';
import { sameContent } from '../content-hash';
import { findNode, isJsonValue, updateNodes } from '../doc-ops';

export interface UpdateParamsArgs {
  nodeId: string;
  /** Fields to set; `undefined` removes a field so it falls back to its default. Other fields are kept. */
  patch: Record<string, unknown>;
}

/**
 * Merges a partial params patch into one layer. Values are stored as given, even invalid ones (the
 * analysis reports them on the field, as the inspector validates while typing); they only have to be
 * plain JSON. Consecutive edits of the same fields of the same layer make one undo entry.
 */
export const updateParams = defineCommand<UpdateParamsArgs>({
  id: 'updateParams',
  label: 'Change settings',
  group: 'edit',
  canRun: (state, args) => findNode(state.doc, args.nodeId) !== undefined,
  perform(state, args) {
    const node = findNode(state.doc, args.nodeId);
    if (!node) return refuse(`There is no layer "${args.nodeId}".`);
    if (!isJsonValue(args.patch)) return refuse('Layer settings must be plain JSON values (finite numbers, text, lists, objects).');
    const keys = Object.keys(args.patch);
    const changed = keys.filter((key) => !sameContent(node.params[key], args.patch[key]));
    if (changed.length === 0) return NOTHING;
    const params: Record<string, unknown> = { ...node.params };
    for (const key of changed) {
      const value = args.patch[key];
      if (value === undefined) delete params[key];
      else params[key] = value;
    }
    const doc = updateNodes(state.doc, new Set([node.id]), (n) => ({ ...n, params }));
    return { doc, undoable: true, coalesceKey: `params:${node.id}:${keys.sort().join(',')}` };
  },
});
