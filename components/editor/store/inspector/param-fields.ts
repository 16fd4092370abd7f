import type { AnyLayerSpec } from '../../../../engine/layers/spec';
import { describeSchema, type FieldDescriptor } from '../../../forms/describe-schema';

/** The fields of a layer type's params, described from its spec's zod schema (cached per spec). */
export function paramFields(spec: AnyLayerSpec): FieldDescriptor[] {
  return describeSchema(spec.params);
}

/**
 * A wrapper's layer param (Bidirectional, TimeDistributed): a group holding a layer `type` and that
 * layer's own `params`, edited as a choice of layer plus the chosen layer's form.
 */
export function isWrappedLayer(field: FieldDescriptor): boolean {
  return field.kind === 'object' && field.fields.some((f) => f.key === 'type') && field.fields.some((f) => f.key === 'params');
}
