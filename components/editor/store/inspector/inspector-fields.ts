import type { Diagnostic } from '../../../../engine/diagnostics';
import { allLayerSpecs, layerSpec } from '../../../../engine/layers/registry';
import type { AnyLayerSpec } from '../../../../engine/layers/spec';
import type { FieldDescriptor } from '../../../forms/describe-schema';
import type { NumberKind } from '../../../forms/field-kinds';
import { type ChoicePicker, type FormFieldBase, rowBase, unionChoice, type ValueKind, valueKind } from '../../../forms/form-field';
import { findNode } from '../doc-ops';
import type { EditorState } from '../editor-state';
import { nodeDiagnostics } from '../selectors/node-view';
import { isWrappedLayer, paramFields } from './param-fields';
import { validateField } from './validate-field';

/**
 * What every inspector field carries, whatever its control: a form row (key, dotted path from the
 * node's params, label, `.describe()` help, default, stored value — `undefined` when not set —, the
 * analysis's complaint) plus the value the analysis resolved (defaults filled in, shorthands
 * expanded), when params are valid.
 */
export interface FieldBase extends FormFieldBase {
  resolved: unknown;
}

export interface LayerOption {
  type: string;
  label: string;
}

type Control =
  | ValueKind
  /** A group of settings; a nullable one is switched on as `{}` (its defaults apply) and off by unsetting it. */
  | { kind: 'object'; nullable: boolean; fields: InspectorField[]; switchTo: { on: unknown; off: unknown } }
  /** One variant of a discriminated union, picked by its discriminator; `fields` edit the chosen one. */
  | { kind: 'choice'; nullable: boolean; picker: ChoicePicker; fields: InspectorField[] }
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
  return paramFields(spec).map((field) => build(context, field, field.key, params[field.key], resolved?.[field.key]));
}

function build(context: FormContext, field: FieldDescriptor, local: string, value: unknown, resolved: unknown): InspectorField {
  const path = `${context.prefix}${local}`;
  const base: FieldBase = { ...rowBase(field, path, value, errorFor(context, local, value)), resolved };
  const inside = (fields: readonly FieldDescriptor[], from: unknown, resolvedFrom: unknown) =>
    fields.map((f) => build(context, f, `${local}.${f.key}`, record(from)?.[f.key], record(resolvedFrom)?.[f.key]));
  if (isWrappedLayer(field)) return wrappedLayer(context, base, field, value, resolved);
  if (field.kind === 'object') {
    const fields = inside(field.fields, value, resolved);
    return { ...base, kind: 'object', nullable: field.nullable, fields, switchTo: { on: {}, off: undefined } };
  }
  if (field.kind === 'union') {
    const { current, active, picker } = unionChoice(field, value);
    return { ...base, kind: 'choice', nullable: field.nullable, picker, fields: active ? inside(active.fields, current, resolved) : [] };
  }
  return { ...base, ...valueKind(field) };
}

/** A wrapper's layer param: the wrapped layer's type among those the wrapper accepts, and its own form. */
function wrappedLayer(context: FormContext, base: FieldBase, field: FieldDescriptor, value: unknown, resolved: unknown): InspectorField {
  const { path } = base;
  const stored = record(value);
  const innerType = String(stored?.type ?? record(field.default)?.type ?? '');
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
  const options = wrappableLayers(context.spec, base.key);
  return { ...base, error, kind: 'layer', nullable: field.nullable, innerType, options, fields };
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

export { labelOf } from '../../../forms/describe-schema';
export type { NumberKind };
