import { describe, expect, it } from 'vitest';
import { type InspectorField, inspectorFields, validateField } from '../../../components/editor/store/selectors';
import { allLayerSpecs } from '../../../engine/layers/registry';
import { TestEditor } from './test-editor';

const byKey = (fields: InspectorField[]) => Object.fromEntries(fields.map((f) => [f.key, f]));

function inspect(type: string, params: Record<string, unknown>, input: number[] = [10, 4]) {
  const ed = new TestEditor();
  const x = ed.add('input', { shape: input });
  const id = ed.add(type, params, { after: x });
  return { ed, id, fields: inspectorFields(ed.state, id) };
}

describe('inspectorFields', () => {
  it('dense: numbers with ranges, enums, booleans and nullable nested penalties, with defaults and help', () => {
    const { fields } = inspect('dense', { units: 64 });
    expect(fields.map((f) => f.key)).toEqual([
      'units',
      'activation',
      'useBias',
      'kernelInitializer',
      'biasInitializer',
      'kernelRegularizer',
      'biasRegularizer',
    ]);
    const f = byKey(fields);
    expect(f.units).toMatchObject({
      kind: 'number',
      integer: true,
      min: 1,
      max: 1_000_000,
      default: 32,
      value: 64,
      resolved: 64,
      label: 'Units',
      nullable: false,
      error: null,
      description: expect.stringMatching(/^Number of outputs/),
    });
    expect(f.activation).toMatchObject({ kind: 'enum', default: 'linear', value: undefined, resolved: 'linear' });
    expect(f.activation?.kind === 'enum' && f.activation.options).toContain('softmax');
    expect(f.useBias).toMatchObject({ kind: 'boolean', default: true, label: 'Use bias' });
    expect(f.kernelRegularizer).toMatchObject({ kind: 'object', nullable: true, default: null, resolved: null });
    const penalty = f.kernelRegularizer?.kind === 'object' ? f.kernelRegularizer.fields : [];
    expect(penalty.map((p) => [p.path, p.kind, p.default, p.label])).toEqual([
      ['kernelRegularizer.l1', 'number', 0, 'L1'],
      ['kernelRegularizer.l2', 'number', 0, 'L2'],
    ]);
    expect(penalty[0]).toMatchObject({ min: 0, integer: false });
  });

  it('conv2d: per-axis tuples that also accept one number, showing the resolved pair', () => {
    const { fields } = inspect('conv2d', { kernelSize: 5 }, [28, 28, 1]);
    const f = byKey(fields);
    expect(f.kernelSize).toMatchObject({
      kind: 'tuple',
      length: 2,
      acceptsScalar: true,
      item: { kind: 'number', integer: true, min: 1 },
      default: 3,
      value: 5,
      resolved: [5, 5],
    });
    expect(f.padding).toMatchObject({ kind: 'enum', options: ['valid', 'same'], default: 'valid' });
    expect(f.dataFormat).toMatchObject({ kind: 'enum', options: ['channelsLast', 'channelsFirst'] });
    expect(f.filters).toMatchObject({ kind: 'number', default: 32 });
  });

  it('lstm: fractions between 0 and 1 and the gate activation default', () => {
    const { fields } = inspect('lstm', { units: 8, returnSequences: true });
    const f = byKey(fields);
    expect(f.units).toMatchObject({ value: 8, default: 32 });
    expect(f.dropout).toMatchObject({ kind: 'number', integer: false, min: 0, max: 1, default: 0 });
    expect(f.recurrentActivation).toMatchObject({ kind: 'enum', default: 'hardSigmoid' });
    expect(f.activation).toMatchObject({ default: 'tanh' });
    expect(f.returnSequences).toMatchObject({ kind: 'boolean', value: true });
  });

  it('bidirectional: the wrapped layer as a sub-form, its type among the layers the wrapper accepts', () => {
    const { ed, id, fields } = inspect('bidirectional', { layer: { type: 'gru', params: { units: 0 } } });
    const f = byKey(fields);
    expect(f.mergeMode).toMatchObject({ kind: 'enum', nullable: true, options: ['concat', 'sum', 'mul', 'ave'], default: 'concat' });
    const layer = f.layer;
    if (layer?.kind !== 'layer') throw new Error('expected a layer field');
    expect(layer.innerType).toBe('gru');
    expect(layer.options.map((o) => o.type)).toEqual(['simpleRnn', 'lstm', 'gru', 'convLstm2d']);
    expect(layer.default).toEqual({ type: 'lstm', params: {} });
    const units = byKey(layer.fields).units;
    expect(units).toMatchObject({ path: 'layer.params.units', value: 0, error: 'Must be at least 1.' });
    expect(layer.error).toBeNull();

    ed.must('updateParams', { nodeId: id, patch: { layer: { type: 'gru', params: { units: 4 } } } });
    const fixed = inspectorFields(ed.state, id)[0];
    expect(fixed?.kind === 'layer' && byKey(fixed.fields).units).toMatchObject({ error: null, resolved: 4 });
    expect(ed.shape(id)).toBe('(None, 8)');
  });

  it('reports shape-rule problems on the field as the analysis words them', () => {
    const ed = new TestEditor();
    const a = ed.add('input', { shape: [4] });
    const b = ed.add('input', { shape: [4] });
    const c = ed.add('concatenate', { axis: 3 });
    ed.connect(a, c);
    ed.connect(b, c);
    expect(byKey(inspectorFields(ed.state, c)).axis?.error).toMatch(/Axis 3 does not exist/);
  });

  it('is empty for unknown nodes and types', () => {
    const ed = new TestEditor();
    expect(inspectorFields(ed.state, 'nope')).toEqual([]);
    const weird = ed.add('input');
    ed.must('replaceDocument', { doc: { ...ed.doc, nodes: [{ ...ed.node(weird), type: 'mystery' }] } });
    expect(inspectorFields(ed.state, weird)).toEqual([]);
  });

  it('every registered spec yields a form with a control and help text for every param', () => {
    const ed = new TestEditor();
    const jsonFields: string[] = [];
    for (const spec of allLayerSpecs()) {
      const node = ed.add(spec.type);
      const fields = inspectorFields(ed.state, node);
      expect(fields.map((f) => f.key)).toEqual(Object.keys((spec.params as unknown as { shape: object }).shape));
      for (const field of fields) {
        expect(field.description, `${spec.type}.${field.key}`).toBeTruthy();
        if (field.kind === 'json') jsonFields.push(`${spec.type}.${field.key}`);
      }
    }
    // Only free-form settings fall back to JSON editing.
    expect(jsonFields.sort()).toEqual(['cropping2d.cropping', 'unsupported.config', 'zeroPadding2d.padding']);
  });
});

describe('validateField', () => {
  it.each([
    ['dense', 'units', 0, 'Must be at least 1.'],
    ['dense', 'units', 1.5, 'Must be a whole number.'],
    ['dense', 'units', 'x', 'Must be a number.'],
    ['dense', 'units', 64, null],
    ['dense', 'units', undefined, null],
    ['dense', 'activation', 'nope', expect.stringMatching(/^Must be one of "linear", "relu", .*, …\.$/)],
    ['dense', 'kernelRegularizer.l2', -1, 'Must be at least 0.'],
    ['dense', 'kernelRegularizer', null, null],
    ['conv2d', 'kernelSize', [1, 2, 3], 'Needs exactly 2 values.'],
    ['conv2d', 'kernelSize', [0, 1], 'Must be at least 1.'],
    ['conv2d', 'kernelSize', 'x', 'Must be a number or a list.'],
    ['conv2d', 'kernelSize', 3, null],
    ['conv2d', 'padding', 'same', null],
    ['dropout', 'rate', 1, 'Must be less than 1.'],
    ['input', 'shape', [], 'Needs at least 1 value.'],
    ['input', 'shape', [null, 4], null],
    ['lstm', 'dropout', 2, 'Must be at most 1.'],
    ['bidirectional', 'layer.params.units', 0, 'Must be at least 1.'],
    ['bidirectional', 'layer.type', 'dense', 'Bidirectional wraps a recurrent layer (SimpleRNN, LSTM, GRU or ConvLSTM2D), not Dense.'],
    ['bidirectional', 'layer.name', '-x', 'Use letters, digits, ".", "-", "_" or "/", starting with a letter or digit.'],
    ['bidirectional', 'mergeMode', null, null],
    ['dense', 'nope', 1, 'Dense has no setting "nope".'],
    ['conv9d', 'units', 1, 'There is no layer type "conv9d".'],
  ])('%s.%s = %j → %s', (type, path, value, expected) => {
    expect(validateField(type, path, value)).toEqual(expected);
  });

  it('validates in the context of the other params, e.g. the wrapped layer chosen', () => {
    expect(validateField('bidirectional', 'layer.params.filters', 0, { layer: { type: 'convLstm2d', params: {} } })).toBe(
      'Must be at least 1.',
    );
    expect(validateField('bidirectional', 'layer.params.filters', 0)).toBe('LSTM has no setting "filters".');
  });
});
