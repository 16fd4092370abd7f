import { z } from 'zod';

/**
 * How a form edits one setting, read from its zod schema through zod's own JSON Schema export
 * (`z.toJSONSchema`, input side: what a user may type, before defaults and transforms).
 */
export type FieldKind =
  | NumberKind
  | { kind: 'boolean' }
  | { kind: 'enum'; options: (string | number | boolean)[] }
  | { kind: 'text'; pattern?: string; minLength?: number }
  /** n numbers, one per axis (a kernel of 3×3); `acceptsScalar`: one number may stand for all of them. */
  | { kind: 'tuple'; length: number; item: NumberKind; acceptsScalar: boolean }
  /** A list of any length; `acceptsScalar`: one value may stand for a list of one (an axis or a list of axes). */
  | { kind: 'list'; item: Classified; minItems?: number; maxItems?: number; acceptsScalar: boolean }
  | { kind: 'object'; properties: Record<string, PropertySchema> }
  /** One of several groups of settings, told apart by the value of `discriminator` (a kind of schedule). */
  | { kind: 'union'; discriminator: string; variants: UnionVariant[] }
  | { kind: 'constant'; value: unknown }
  /** Anything else, edited as JSON text. */
  | { kind: 'json' };

/** A kind, plus whether `null` (none, unknown size) is also allowed. */
export type Classified = FieldKind & { nullable: boolean };

export interface NumberKind {
  kind: 'number';
  integer: boolean;
  min?: number;
  max?: number;
  /** The bound itself is not allowed (e.g. a rate below 1). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

/** One branch of a discriminated union: the discriminator's value and the branch's own settings. */
export interface UnionVariant {
  value: string;
  properties: Record<string, PropertySchema>;
}

/** The subset of JSON Schema (draft 2020-12) that zod produces for settings, plus the `.meta()` keys forms read. */
export interface PropertySchema {
  type?: string;
  enum?: (string | number | boolean)[];
  const?: unknown;
  anyOf?: PropertySchema[];
  oneOf?: PropertySchema[];
  properties?: Record<string, PropertySchema>;
  items?: PropertySchema | false;
  prefixItems?: PropertySchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
  /** Values worth starting from (`.meta({ examples })`): a fresh group's field starts at the first. */
  examples?: unknown[];
  /** What an empty field means when it has no default (`.meta({ placeholder: 'random' })`). */
  placeholder?: string;
}

const schemas = new WeakMap<object, Record<string, PropertySchema>>();

/** The JSON Schema of each top-level field of an object schema, in declaration order (cached per schema). */
export function propertySchemas(schema: z.ZodType): Record<string, PropertySchema> {
  let properties = schemas.get(schema);
  if (!properties) {
    try {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as PropertySchema;
      properties = json.properties ?? {};
    } catch {
      properties = {};
    }
    schemas.set(schema, properties);
  }
  return properties;
}

/** Classifies one property schema into the control that edits it. */
export function classify(schema: PropertySchema): Classified {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const present = options.filter((o) => o.type !== 'null');
    const nullable = present.length < options.length;
    return { ...(present.length === 1 ? fieldKind(present[0] as PropertySchema) : unionKind(present)), nullable };
  }
  return { ...fieldKind(schema), nullable: false };
}

function fieldKind(schema: PropertySchema): FieldKind {
  if (schema.anyOf || schema.oneOf) return classify(schema);
  if (schema.const !== undefined) return { kind: 'constant', value: schema.const };
  if (schema.enum) return { kind: 'enum', options: schema.enum };
  switch (schema.type) {
    case 'integer':
    case 'number':
      return numberKind(schema);
    case 'boolean':
      return { kind: 'boolean' };
    case 'string':
      return {
        kind: 'text',
        ...(schema.pattern !== undefined ? { pattern: schema.pattern } : {}),
        ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
      };
    case 'array':
      return arrayKind(schema);
    case 'object':
      return schema.properties ? { kind: 'object', properties: schema.properties } : { kind: 'json' };
    default:
      return { kind: 'json' };
  }
}

function numberKind(schema: PropertySchema): NumberKind {
  const kind: NumberKind = { kind: 'number', integer: schema.type === 'integer' };
  if (schema.minimum !== undefined) kind.min = schema.minimum;
  if (schema.exclusiveMinimum !== undefined) Object.assign(kind, { min: schema.exclusiveMinimum, exclusiveMin: true });
  if (schema.maximum !== undefined) kind.max = schema.maximum;
  if (schema.exclusiveMaximum !== undefined) Object.assign(kind, { max: schema.exclusiveMaximum, exclusiveMax: true });
  return kind;
}

function arrayKind(schema: PropertySchema): FieldKind {
  const first = schema.items ? schema.items : schema.prefixItems?.[0];
  if (!first) return { kind: 'json' };
  const item = classify(first);
  const fixed = schema.minItems !== undefined && schema.minItems === schema.maxItems;
  const uniform = !schema.prefixItems || schema.prefixItems.every((p) => p.type === first.type);
  if (fixed && uniform && item.kind === 'number' && !item.nullable) {
    const { nullable: _no, ...number } = item;
    return { kind: 'tuple', length: schema.minItems as number, item: number, acceptsScalar: false };
  }
  if (schema.prefixItems) return { kind: 'json' };
  return {
    kind: 'list',
    item,
    acceptsScalar: false,
    ...(schema.minItems !== undefined ? { minItems: schema.minItems } : {}),
    ...(schema.maxItems !== undefined ? { maxItems: schema.maxItems } : {}),
  };
}

function unionKind(options: PropertySchema[]): FieldKind {
  const variants = discriminated(options);
  if (variants) return variants;
  if (options.length === 2) {
    const [a, b] = options.map(fieldKind);
    const scalar = a?.kind === 'number' ? a : b?.kind === 'number' ? b : undefined;
    const many = a?.kind === 'tuple' || a?.kind === 'list' ? a : b?.kind === 'tuple' || b?.kind === 'list' ? b : undefined;
    if (scalar && many && (many.kind === 'tuple' || many.item.kind === 'number')) return { ...many, acceptsScalar: true };
  }
  return { kind: 'json' };
}

/** Objects that all fix one string property to a different constant (`{ kind: 'step', … }`), as a union kind. */
function discriminated(options: PropertySchema[]): FieldKind | undefined {
  const first = options[0]?.properties;
  if (!first || options.some((o) => o.type !== 'object' || !o.properties)) return undefined;
  const discriminator = Object.keys(first).find((key) => options.every((o) => typeof o.properties?.[key]?.const === 'string'));
  if (!discriminator) return undefined;
  const variants = options.map((o) => ({ value: String(o.properties?.[discriminator]?.const), properties: o.properties ?? {} }));
  if (new Set(variants.map((v) => v.value)).size !== variants.length) return undefined;
  return { kind: 'union', discriminator, variants };
}
