import type { z } from 'zod';
import { type Classified, classify, type PropertySchema, propertySchemas } from './field-kinds';

/** What every described field carries, whatever its control. */
export interface DescriptorBase {
  /** The setting's own key, e.g. `kernelSize`. */
  key: string;
  /** A readable label made from the key, e.g. "Kernel size". */
  label: string;
  /** The schema's `.describe()` text, for help. */
  description?: string;
  /** The default a missing value takes. */
  default?: unknown;
  /** What an empty field means when there is no default to show (`.meta({ placeholder })`). */
  placeholder?: string;
  /** Values worth starting from (`.meta({ examples })`). */
  examples?: unknown[];
  /** `null` is allowed (none, or a size that varies). */
  nullable: boolean;
}

/** One branch of a discriminated union, its settings described (the discriminator itself left out). */
export interface VariantDescriptor {
  value: string;
  fields: FieldDescriptor[];
}

/**
 * One field of a form, described from its schema alone: the control that edits it, its label, help,
 * default and range, and for groups the fields inside. Values are attached later, by the form that
 * shows them (`formFields`, the inspector's `inspectorFields`).
 */
export type FieldDescriptor = DescriptorBase &
  (
    | Exclude<Classified, { kind: 'object' } | { kind: 'union' }>
    | { kind: 'object'; nullable: boolean; fields: FieldDescriptor[] }
    | { kind: 'union'; nullable: boolean; discriminator: string; variants: VariantDescriptor[] }
  );

const described = new WeakMap<object, FieldDescriptor[]>();

/**
 * The fields of an object schema, in declaration order, read through zod's JSON Schema export
 * (cached per schema). Unknown or unrepresentable parts become JSON fields, never an error.
 *
 * @example
 * describeSchema(z.object({ units: z.number().int().min(1).default(32).describe('Outputs.') }))
 * // [{ key: 'units', label: 'Units', kind: 'number', integer: true, min: 1, default: 32, description: 'Outputs.', nullable: false }]
 */
export function describeSchema(schema: z.ZodType): FieldDescriptor[] {
  let fields = described.get(schema);
  if (!fields) {
    fields = describeProperties(propertySchemas(schema));
    described.set(schema, fields);
  }
  return fields;
}

/** Describes JSON Schema properties, in their order. */
export function describeProperties(properties: Record<string, PropertySchema>, skip?: string): FieldDescriptor[] {
  return Object.entries(properties)
    .filter(([key]) => key !== skip)
    .map(([key, schema]) => describeProperty(key, schema));
}

function describeProperty(key: string, schema: PropertySchema): FieldDescriptor {
  const base: DescriptorBase = {
    key,
    label: labelOf(key),
    ...(schema.description !== undefined ? { description: schema.description } : {}),
    ...(schema.default !== undefined ? { default: schema.default } : {}),
    ...(schema.placeholder !== undefined ? { placeholder: schema.placeholder } : {}),
    ...(schema.examples !== undefined ? { examples: schema.examples } : {}),
    nullable: false,
  };
  const kind = classify(schema);
  if (kind.kind === 'object') return { ...base, kind: 'object', nullable: kind.nullable, fields: describeProperties(kind.properties) };
  if (kind.kind === 'union') {
    const variants = kind.variants.map((v) => ({ value: v.value, fields: describeProperties(v.properties, kind.discriminator) }));
    return { ...base, kind: 'union', nullable: kind.nullable, discriminator: kind.discriminator, variants };
  }
  return { ...base, ...kind };
}

/** `kernelSize` → "Kernel size", `l2` → "L2". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
