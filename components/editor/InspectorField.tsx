'use client';

import { memo, useMemo } from 'react';
import type { FormField } from '@/components/forms/form-field';
import { type FieldEvents, FieldRow } from '@/components/forms/rows/FieldRow';
import { useEditor } from './EditorContext';
import { type InspectorField, validateField } from './store';

interface FieldProps {
  field: InspectorField;
  nodeId: string;
  /** The layer type the field's path is relative to (the node's own type). */
  layerType: string;
  /** The node's params, for validating a field in the context of the others. */
  params: Record<string, unknown>;
}

/**
 * One inspector row: the generated form row of a param, bound to the editor. Values are checked with
 * `validateField` as they are typed and stored at once through `updateParams` (the node shows the
 * problem live); a blur or a pick closes the undo step. A wrapped layer is a choice of layer type.
 */
export const InspectorFieldRow = memo(function InspectorFieldRow({ field, nodeId, layerType, params }: FieldProps) {
  const { store, readOnly } = useEditor();
  const events = useMemo<FieldEvents>(
    () => ({
      change: (path, value) => {
        const result = store.dispatch('updateParams', { nodeId, path, value });
        return result.ok ? null : result.reason;
      },
      validate: (path, value) => validateField(layerType, path, value, params),
      finish: () => store.seal(),
    }),
    [store, nodeId, layerType, params],
  );
  const row = useMemo(() => asFormField(field), [field]);
  return <FieldRow field={row} events={events} disabled={readOnly} help="tip" />;
});

/** The inspector's field as a form row: a wrapped layer becomes a choice whose options start with empty params. */
function asFormField(field: InspectorField): FormField {
  if (field.kind === 'layer') {
    const { innerType, options, fields, resolved: _resolved, ...rest } = field;
    const picker = {
      label: 'Layer type',
      value: innerType,
      options: options.map((o) => ({ value: o.type, label: o.label, initial: { type: o.type, params: {} } })),
    };
    return { ...rest, kind: 'choice', picker, fields: fields.map(asFormField) };
  }
  if (field.kind === 'object' || field.kind === 'choice') return { ...field, fields: field.fields.map(asFormField) };
  return field;
}
