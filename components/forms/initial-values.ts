import type { FieldDescriptor } from './describe-schema';

/**
 * The value a field starts at when its group is switched on or its variant chosen: its default, else
 * the first of its examples, else for a number the smallest whole number from 1 its range allows, for
 * a choice its first option, for a group the group of its fields' starting values.
 *
 * @example
 * initialValue(stepSchedule.fields[0]) // 1 (`every`: a positive whole number)
 */
export function initialValue(field: FieldDescriptor): unknown {
  if (field.default !== undefined) return field.default;
  if (field.examples?.[0] !== undefined) return field.examples[0];
  switch (field.kind) {
    case 'number':
      return Math.min(Math.max(field.min ?? 0, 1), field.max ?? Number.POSITIVE_INFINITY);
    case 'enum':
      return field.options[0];
    case 'object':
      return initialValues(field.fields);
    case 'union': {
      const first = field.variants[0];
      return first ? initialVariant(field.discriminator, first) : undefined;
    }
    default:
      return undefined;
  }
}

/** An object of the fields' starting values (fields without one are left out). */
export function initialValues(fields: readonly FieldDescriptor[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = initialValue(field);
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/** A union branch at its starting values, its discriminator set. */
export function initialVariant(
  discriminator: string,
  variant: { value: string; fields: readonly FieldDescriptor[] },
): Record<string, unknown> {
  return { [discriminator]: variant.value, ...initialValues(variant.fields) };
}
