import { describe, expect, it } from 'vitest';
import { createEditorStore, type InspectorField, inspectorFields } from '../../../components/editor/store';
import { formatFieldText, parseFieldText } from '../../../components/forms/field-text';

function fieldsOf(type: string, params: Record<string, unknown> = {}): Record<string, InspectorField> {
  const store = createEditorStore();
  const id = store.dispatch('addNode', { type, params });
  if (!id.ok) throw new Error(id.reason);
  return Object.fromEntries(inspectorFields(store.getState(), id.output as string).map((f) => [f.key, f]));
}

describe('field text', () => {
  const conv = fieldsOf('conv2d');
  const input = fieldsOf('input');
  const dense = fieldsOf('dense');

  it('reads numbers, and empty text as "use the default"', () => {
    expect(parseFieldText(dense.units as InspectorField, ' 64 ')).toEqual({ ok: true, value: 64 });
    expect(parseFieldText(dense.units as InspectorField, '')).toEqual({ ok: true, value: undefined });
    expect(parseFieldText(dense.units as InspectorField, 'sixty')).toEqual({ ok: false, message: '“sixty” is not a number.' });
    expect(parseFieldText(dense.units as InspectorField, 'None')).toEqual({ ok: false, message: 'Needs a number.' });
  });

  it('reads tuples as one number for every axis or one per axis', () => {
    const kernel = conv.kernelSize as InspectorField;
    expect(parseFieldText(kernel, '5')).toEqual({ ok: true, value: 5 });
    expect(parseFieldText(kernel, '5, 3')).toEqual({ ok: true, value: [5, 3] });
    expect(parseFieldText(kernel, '5x3')).toEqual({ ok: true, value: [5, 3] });
    expect(parseFieldText(kernel, '(5×3)')).toEqual({ ok: true, value: [5, 3] });
    expect(parseFieldText(kernel, '5, 3, 1')).toEqual({ ok: false, message: 'Needs 2 numbers, one per axis (or one for all).' });
  });

  it('reads shapes with unknown sizes as None', () => {
    const shape = input.shape as InspectorField;
    expect(parseFieldText(shape, '28, 28, 1')).toEqual({ ok: true, value: [28, 28, 1] });
    expect(parseFieldText(shape, 'None, 16')).toEqual({ ok: true, value: [null, 16] });
    expect(parseFieldText(shape, '[28, 28]')).toEqual({ ok: true, value: [28, 28] });
    expect(formatFieldText(shape, [null, 16])).toBe('None, 16');
  });

  it('shows values as they are typed', () => {
    expect(formatFieldText(conv.kernelSize as InspectorField, [3, 3])).toBe('3, 3');
    expect(formatFieldText(conv.kernelSize as InspectorField, 3)).toBe('3');
    expect(formatFieldText(dense.units as InspectorField, undefined)).toBe('');
    expect(formatFieldText(dense.units as InspectorField, null)).toBe('None');
  });

  it('reads anything else as JSON', () => {
    const padding = fieldsOf('zeroPadding2d').padding as InspectorField;
    expect(parseFieldText(padding, '[[1, 1], [2, 2]]')).toEqual({
      ok: true,
      value: [
        [1, 1],
        [2, 2],
      ],
    });
    expect(parseFieldText(padding, '[[1, 1]')).toEqual({ ok: false, message: 'Not valid JSON.' });
  });
});
