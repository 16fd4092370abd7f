import { type FieldDescriptor, labelOf, type VariantDescriptor } from './describe-schema';
import type { Classified } from './field-kinds';
import { initialValues, initialVariant } from './initial-values';

/** What every form row carries, whatever its control. */
export interface FormFieldBase {
  /** The setting's own key, e.g. `kernelSize`. */
  key: string;
  /** Dotted path from the form's root, e.g. `kernelRegularizer.l2` or `schedule.every`. */
  path: string;
  label: string;
  /** The schema's `.describe()` text, for help. */
  description?: string;
  /** The default a missing value takes, shown as the placeholder. */
  default?: unknown;
  /** What an empty field means when there is no default to show. */
  placeholder?: string;
  /** The value held now; `undefined` when not set (the default applies). */
  value: unknown;
  /** `null` is allowed (none, or a size that varies). */
  nullable: boolean;
  /** What is wrong with the value held, if anything. */
  error: string | null;
}

/** One option of a choice: its value, its words, and the whole value the field takes when it is picked. */
export interface ChoiceOption {
  value: string;
  label: string;
  initial: unknown;
}

/** The control that picks a choice's variant: its label, the value picked now and the options. */
export interface ChoicePicker {
  label: string;
  value: string;
  options: ChoiceOption[];
}

/** The controls of single values (everything but groups). */
export type ValueKind = Exclude<Classified, { kind: 'object' } | { kind: 'union' }>;

/**
 * One row of a generated form with its value: a single-value control, a group of settings (with an
 * on/off switch when it may be `null`), or a choice among variants that shows the chosen one's fields.
 */
export type FormField = FormFieldBase &
  (
    | ValueKind
    | {
        kind: 'object';
        nullable: boolean;
        fields: FormField[];
        /** The values the on/off switch of a nullable group sets. */
        switchTo: { on: unknown; off: unknown };
      }
    | { kind: 'choice'; nullable: boolean; picker: ChoicePicker; fields: FormField[] }
  );

/**
 * The rows of a form over complete values (every field holds a value, defaults filled in), as the
 * training settings are: a switched-on group starts at its fields' starting values and switches off
 * to `null`; picking a variant starts it at its starting values (`initialValue`).
 *
 * @example
 * formFields(describeSchema(TrainingConfigSchema), TrainingConfigSchema.parse({}))[1]
 * // { key: 'learningRate', path: 'learningRate', kind: 'number', min: 0, exclusiveMin: true, max: 10, value: 0.001, … }
 */
export function formFields(descriptors: readonly FieldDescriptor[], values: Record<string, unknown> | undefined, prefix = ''): FormField[] {
  return descriptors.map((d) => formField(d, values?.[d.key], `${prefix}${d.key}`));
}

function formField(descriptor: FieldDescriptor, value: unknown, path: string): FormField {
  const base = rowBase(descriptor, path, value, null);
  if (descriptor.kind === 'object') {
    const fields = formFields(descriptor.fields, record(value), `${path}.`);
    return {
      ...base,
      kind: 'object',
      nullable: descriptor.nullable,
      fields,
      switchTo: { on: initialValues(descriptor.fields), off: null },
    };
  }
  if (descriptor.kind === 'union') {
    const { current, active, picker } = unionChoice(descriptor, value);
    return {
      ...base,
      kind: 'choice',
      nullable: descriptor.nullable,
      picker,
      fields: active ? formFields(active.fields, current, `${path}.`) : [],
    };
  }
  return { ...base, ...valueKind(descriptor) };
}

/** The common part of a form row for a described field at `path` holding `value`. */
export function rowBase(descriptor: FieldDescriptor, path: string, value: unknown, error: string | null): FormFieldBase {
  const { key, label, description, default: fallback, placeholder } = descriptor;
  return {
    key,
    path,
    label,
    ...(description !== undefined ? { description } : {}),
    ...(fallback !== undefined ? { default: fallback } : {}),
    ...(placeholder !== undefined ? { placeholder } : {}),
    value,
    nullable: false,
    error,
  };
}

/** The control part of a single-value field's description. */
export function valueKind(descriptor: FieldDescriptor): ValueKind {
  const { key: _k, label: _l, description: _d, default: _f, placeholder: _p, examples: _e, ...kind } = descriptor;
  return kind as ValueKind;
}

/** A union field's current value, the variant it picks (its default's, else the first), and the picker that switches it. */
export function unionChoice(
  field: FieldDescriptor & { kind: 'union' },
  value: unknown,
): { current: Record<string, unknown>; active: VariantDescriptor | undefined; picker: ChoicePicker } {
  const current = record(value) ?? record(field.default) ?? {};
  const { discriminator, variants } = field;
  const active = variants.find((v) => v.value === current[discriminator]) ?? variants[0];
  const options = variants.map((v) => ({ value: v.value, label: v.value, initial: initialVariant(discriminator, v) }));
  return { current, active, picker: { label: labelOf(discriminator), value: active?.value ?? '', options } };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
