import { layerSpec } from '../../../../engine/layers/registry';
import { fieldProblem } from '../../../forms/field-problem';
import { isWrappedLayer, paramFields } from './param-fields';

/**
 * Checks one value the user is typing for a param of a layer type, in the context of the node's
 * other params, and says what is wrong in plain words, or `null` when it is fine. `path` is dotted for
 * nested fields (`kernelRegularizer.l2`) and reaches into wrapped layers (`layer.params.units`).
 * `undefined` resets the field to its default and is always fine.
 *
 * @example
 * validateField('dense', 'units', 0)    // 'Must be at least 1.'
 * validateField('dense', 'units', 1.5)  // 'Must be a whole number.'
 * validateField('dense', 'units', 64)   // null
 */
export function validateField(type: string, path: string, value: unknown, params: Record<string, unknown> = {}): string | null {
  const spec = layerSpec(type);
  if (!spec) return `There is no layer type "${type}".`;
  const [key = '', ...rest] = path.split('.');
  const field = paramFields(spec).find((f) => f.key === key);
  if (!field) return `${spec.label} has no setting "${path}".`;
  if (rest[0] === 'params' && rest.length > 1 && isWrappedLayer(field)) {
    const inner = asRecord(params[key]) ?? asRecord(field.default) ?? {};
    return validateField(String(inner.type ?? ''), rest.slice(1).join('.'), value, asRecord(inner.params) ?? {});
  }
  return fieldProblem(spec.params, params, path, value);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export { issueMessage } from '../../../forms/field-problem';
