import type { Diagnostic } from '../../../../engine/diagnostics';
import { allLayerSpecs, layerSpec } from '../../../../engine/layers/registry';
import type { AnyLayerSpec } from '../../../../engine/layers/spec';
import { findNode } from '../doc-ops';
import type { EditorState } from '../editor-state';
import { nodeDiagnostics } from '../selectors/node-view';
import { type Classified, classify, type NumberKind, type PropertySchema, paramSchemas } from './field-kinds';
import { validateField } from './validate-field';

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

/** The spec a form is generated from, its raw params, and where its fields sit in the node's params. */
interface FormContext {
  spec: AnyLayerSpec;
  params: Record<string, unknown>;
  prefix: string;
  diagnostics: readonly Diagnostic[];
}

function fieldsOf(
  spec: AnyLayerSpec,
  params: Record<string, unknown>,
  resolved: Record<string, unknown> | undefined,
  prefix: string,
  diagnostics: readonly Diagnostic[],
): InspectorField[] {
  const context: FormContext = { spec, params, prefix, diagnostics };
  return Object.entries(paramSchemas(spec)).map(([key, schema]) => build(context, key, schema, key, params[key], resolved?.[key]));
}

function build(
  context: FormContext,
  key: string,
  schema: PropertySchema,
  local: string,
  value: unknown,
  resolved: unknown,
): InspectorField {
  const path = `${context.prefix}${local}`;
  const base: FieldBase = {
    key,
    path,
    label: labelOf(key),
    ...(schema.description !== undefined ? { description: schema.description } : {}),
    ...(schema.default !== undefined ? { default: schema.default } : {}),
    value,
    resolved,
    nullable: false,
    error: errorFor(context, local, value),
  };
  const kind = classify(schema);
  if (kind.kind === 'object') {
    const fields = Object.entries(kind.properties).map(([k, s]) =>
      build(context, k, s, `${local}.${k}`, record(value)?.[k], record(resolved)?.[k]),
    );
    return { ...base, kind: 'object', nullable: kind.nullable, fields };
  }
  if (kind.kind === 'layer') {
    const stored = record(value);
    const innerType = String(stored?.type ?? record(schema.default)?.type ?? '');
    const inner = layerSpec(innerType);
    const innerPrefix = `${path}.params.`;
    // The engine reports a wrapped layer's fields as `layer.<field>`; the form edits `layer.params.<field>`.
    const innerDiagnostics = context.diagnostics.map((d) =>
      d.field?.startsWith(`${path}.`) && !d.field.startsWith(innerPrefix) && d.field !== `${path}.type` && d.field !== `${path}.name`
        ? { ...d, field: `${innerPrefix}${d.field.slice(path.length + 1)}` }
        : d,
    );
    const fields = inner
      ? fieldsOf(inner, record(stored?.params) ?? {}, record(record(resolved)?.params), innerPrefix, innerDiagnostics)
      : [];
    const error = base.error !== null && fields.some((f) => f.error !== null) ? null : base.error;
    return { ...base, error, kind: 'layer', nullable: kind.nullable, innerType, options: wrappableLayers(context.spec, key), fields };
  }
  return { ...base, ...kind };
}

/**
 * The analysis's complaint about a field, in the inspector's words when the schema explains it (the
 * same sentence `validateField` gives while typing), else as the analysis put it (shape rules).
 */
function errorFor(context: FormContext, local: string, value: unknown): string | null {
  const path = `${context.prefix}${local}`;
  const hit = context.diagnostics.find((d) => d.field === path) ?? context.diagnostics.find((d) => d.field?.startsWith(`${path}.`));
  if (!hit) return null;
  return (value === undefined ? null : validateField(context.spec.type, local, value, context.params)) ?? hit.message;
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

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `kernelSize` → "Kernel size", `l2` → "L2". */
export function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type { NumberKind };
