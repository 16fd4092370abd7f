import { layerSpec } from '../../../../engine/layers/registry';
import { defineCommand, NOTHING, refuse } from '../command';
import { sameContent } from '../content-hash';
import { findNode, isJsonValue, setIn } from '../doc-ops';
import { paramFields } from '../inspector/param-fields';

export type UpdateParamsArgs = { nodeId: string } & (
  | {
      /** Fields to set; `undefined` removes a field so it falls back to its default. Other fields are kept. */
      patch: Record<string, unknown>;
    }
  | {
      /** One field by its dotted path, as the inspector names it (`kernelRegularizer.l2`, `layer.params.units`). */
      path: string;
      value: unknown;
    }
);

/**
 * Merges a partial params patch (or sets one nested field) into one layer. Values are stored as
 * given, even invalid ones (the analysis reports them on the field, as the inspector validates while
 * typing); they only have to be plain JSON. Consecutive edits of the same fields of the same layer
 * make one undo entry. Other layers, and their params objects, keep their identity.
 */
export const updateParams = defineCommand<UpdateParamsArgs>({
  id: 'updateParams',
  label: 'Change settings',
  group: 'edit',
  canRun: (state, args) => findNode(state.doc, args.nodeId) !== undefined,
  perform(state, args) {
    const node = findNode(state.doc, args.nodeId);
    if (!node) return refuse(`There is no layer "${args.nodeId}".`);
    const patch = 'patch' in args ? args.patch : patchAt(node.type, node.params, args.path, args.value);
    if (!isJsonValue(patch)) return refuse('Layer settings must be plain JSON values (finite numbers, text, lists, objects).');
    const keys = Object.keys(patch);
    const changed = keys.filter((key) => !sameContent(node.params[key], patch[key]));
    if (changed.length === 0) return NOTHING;
    const params: Record<string, unknown> = { ...node.params };
    for (const key of changed) {
      const value = patch[key];
      if (value === undefined) delete params[key];
      else params[key] = value;
    }
    const fields = 'patch' in args ? keys.sort().join(',') : args.path;
    return { changes: [{ kind: 'node.update', id: node.id, set: { params } }], undoable: true, coalesceKey: `params:${node.id}:${fields}` };
  },
});

/**
 * The top-level patch that sets one nested field, e.g. `layer.params.units` → `{ layer: { …, params:
 * { …, units } } }`. An object field not stored yet starts from its default (a wrapper's default
 * layer), so setting one of its fields does not drop the others the schema requires.
 */
function patchAt(type: string, params: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const head = path.split('.')[0] ?? path;
  const spec = layerSpec(type);
  const fallback = spec && path !== head && params[head] === undefined ? paramFields(spec).find((f) => f.key === head)?.default : undefined;
  const base = typeof fallback === 'object' && fallback !== null ? { ...params, [head]: structuredClone(fallback) } : params;
  return { [head]: setIn(base, path, value)[head] };
}
