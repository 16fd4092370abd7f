import type { Diagnostic } from '../../../../engine/diagnostics';
import { allLayerSpecs, layerSpec } from '../../../../engine/layers/registry';
import type { AnyLayerSpec } from '../../../../engine/layers/spec';
import { findNode } from '../doc-ops';
import type { EditorState } from '../editor-state';
import { nodeDiagnostics } from '../selectors/node-view';
import { type Classified, classify, type NumberKind, type PropertySchema, paramSchemas } from './field-kinds';

/** What every inspector field carries, whatever its control. */
export interface FieldBase {
  /** The param's own key, e.g. `kernelSize`. */
  key: string;
  /** Dotted path from the node's params, e.g. `kernelRegularizer.l2` or `layer.params.units`. */
  path: string;
  /** A readable label made from the key, e.g. "Kernel size". */
  label: string;
  /** The spec's `.describe()` text, for hover help. */
  description?: string;
  /** The default a missing value takes. */
  default?: unknown;
  /** The value stored in the document, `undefined` when not set (the default applies). */
  value: unknown;
  /** The value the analysis resolved (defaults filled in, shorthands expanded), when params are valid. */
  resolved: unknown;
  /** `null` is allowed (none, or a size that varies). */
  nullable: boolean;
  /** The analysis's complaint about this field, if any. */
  error: string | null;
}

export interface LayerOption {
  type: string;
  label: string;
}

type Control =
  | Exclude<Classified, { kind: 'object' } | { kind: 'layer' }>
  | { kind: 'object'; nullable: boolean; fields: InspectorField[] }
  /** A wrapped layer: pick `innerType` among `options`; `fields` edit its params under `<key>.params.`. */
  | { kind: 'layer'; nullable: boolean; innerType: string; options: LayerOption[]; fields: InspectorField[] };

/** One inspector row: a control of some kind (number, enum, tuple, object…) plus its value and help. */
export type InspectorField = FieldBase & Control;

/**
 * The inspector form of a node, generated from its spec's params schema: one field per param in
 * declaration order, nested objects and wrapped layers as sub-forms. Empty for unknown nodes or types.
 *
 * @example
 * inspectorFields(state, 'dense_1')[0]
 * // { key: 'units', kind: 'number', integer: true, min: 1, max: 1000000, default: 32, value: 64, … }
 */
export function inspectorFields(state: EditorState, nodeId: string): InspectorField[] {
  const node = findNode(state.doc, nodeId);
  const spec = node ? layerSpec(node.type) : undefined;
  if (!node || !spec) return [];
  const resolved = state.analysis.nodes[nodeId]?.params ?? undefined;
  return fieldsOf(spec, node.params, resolved, '', nodeDiagnostics(state.analysis, nodeId));
}

function fieldsOf(
  spec: AnyLayerSpec,
  values: Record<string, unknown>,
  resolved: Record<string, unknown> | undefined,
  prefix: string,
  diagnostics: readonly Diagnostic[],
): InspectorField[] {
  return Object.entries(paramSchemas(spec)).map(([key, schema]) =>
    build(spec, key, schema, `${prefix}${key}`, values[key], resolved?.[key], diagnostics),
  );
}

function build(
  spec: AnyLayerSpec,
  key: string,
  schema: PropertySchema,
  path: string,
  value: unknown,
  resolved: unknown,
  diagnostics: readonly Diagnostic[],
): InspectorField {
  const base: FieldBase = {
    key,
    path,
    label: labelOf(key),
    ...(schema.description !== undefined ? { description: schema.description } : {}),
    ...(schema.default !== undefined ? { default: schema.default } : {}),
    value,
    resolved,
    nullable: false,
    error: errorFor(path, diagnostics),
  };
  const kind = classify(schema);
  if (kind.kind === 'object') {
    const properties = Object.entries(kind.properties);
    const fields = properties.map(([k, s]) => build(spec, k, s, `${path}.${k}`, record(value)?.[k], record(resolved)?.[k], diagnostics));
    return { ...base, kind: 'object', nullable: kind.nullable, fields };
  }
  if (kind.kind === 'layer') {
    const stored = record(value);
    const fallback = record(schema.default);
    const innerType = String(stored?.type ?? fallback?.type ?? '');
    const inner = layerSpec(innerType);
    const innerPrefix = `${path}.params.`;
    const innerDiagnostics = diagnostics.map((d) =>
      d.field?.startsWith(`${path}.`) && !d.field.startsWith(innerPrefix)
        ? { ...d, field: `${innerPrefix}${d.field.slice(path.length + 1)}` }
        : d,
    );
    const fields = inner
      ? fieldsOf(inner, record(stored?.params) ?? {}, record(record(resolved)?.params), innerPrefix, innerDiagnostics)
      : [];
    return { ...base, kind: 'layer', nullable: kind.nullable, innerType, options: wrappableLayers(spec, key), fields };
  }
  return { ...base, ...kind };
}

const wrappable = new WeakMap<AnyLayerSpec, Map<string, LayerOption[]>>();

/** The layer types a wrapper's `key` param accepts, found by asking its own schema (cached). */
export function wrappableLayers(spec: AnyLayerSpec, key: string): LayerOption[] {
  const perKey = wrappable.get(spec) ?? new Map<string, LayerOption[]>();
  wrappable.set(spec, perKey);
  let options = perKey.get(key);
  if (!options) {
    options = allLayerSpecs()
      .filter((inner) => inner.category !== 'placeholder' && inner.type !== spec.type)
      .filter((inner) => spec.params.safeParse({ [key]: { type: inner.type, params: {} } }).success)
      .map((inner) => ({ type: inner.type, label: inner.label }));
    perKey.set(key, options);
  }
  return options;
}

function errorFor(path: string, diagnostics: readonly Diagnostic[]): string | null {
  const hit = diagnostics.find((d) => d.field === path) ?? diagnostics.find((d) => d.field?.startsWith(`${path}.`));
  return hit?.message ?? null;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `kernelSize` → "Kernel size", `l2` → "L2". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type { NumberKind };
