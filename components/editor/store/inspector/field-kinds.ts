import { z } from 'zod';
import type { AnyLayerSpec } from '../../../../engine/layers/spec';

/**
 * How the inspector edits one parameter, read from the spec's zod schema through zod's own JSON Schema
 * export (`z.toJSONSchema`, input side: what a user may type, before defaults and transforms).
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
  /** A wrapped layer (Bidirectional, TimeDistributed): a layer type plus that layer's own settings. */
  | { kind: 'layer' }
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

/** The subset of JSON Schema (draft 2020-12) that zod produces for layer params. */
export interface PropertySchema {
  type?: string;
  enum?: (string | number | boolean)[];
  const?: unknown;
  anyOf?: PropertySchema[];
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
}

const schemas = new WeakMap<AnyLayerSpec, Record<string, PropertySchema>>();

/** The JSON Schema of each top-level param of a spec, in declaration order (cached per spec). */
export function paramSchemas(spec: AnyLayerSpec): Record<string, PropertySchema> {
  let properties = schemas.get(spec);
  if (!properties) {
    try {
      const json = z.toJSONSchema(spec.params, { io: 'input', unrepresentable: 'any' }) as PropertySchema;
      properties = json.properties ?? {};
    } catch {
      properties = {};
    }
    schemas.set(spec, properties);
  }
  return properties;
}

/** Classifies one property schema into the control that edits it. */
export function classify(schema: PropertySchema): Classified {
  if (schema.anyOf) {
    const present = schema.anyOf.filter((o) => o.type !== 'null');
    const nullable = present.length < schema.anyOf.length;
    return { ...(present.length === 1 ? fieldKind(present[0] as PropertySchema) : unionKind(present)), nullable };
  }
  return { ...fieldKind(schema), nullable: false };
}

function fieldKind(schema: PropertySchema): FieldKind {
  if (schema.anyOf) return classify(schema);
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
      if (schema.properties?.type && schema.properties.params) return { kind: 'layer' };
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
  if (options.length === 2) {
    const [a, b] = options.map(fieldKind);
    const scalar = a?.kind === 'number' ? a : b?.kind === 'number' ? b : undefined;
    const many = a?.kind === 'tuple' || a?.kind === 'list' ? a : b?.kind === 'tuple' || b?.kind === 'list' ? b : undefined;
    if (scalar && many && (many.kind === 'tuple' || many.item.kind === 'number')) return { ...many, acceptsScalar: true };
  }
  return { kind: 'json' };
}
