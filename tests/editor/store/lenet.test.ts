import { expect, it } from 'vitest';
import { summaryRows } from '../../../components/editor/store/selectors';
import { analyse } from '../../../engine/analysis/analyse';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

it('builds LeNet-5 by commands alone, with the same shapes and parameters as the template', () => {
  const ed = new TestEditor();
  ed.add('input', { shape: [28, 28, 1] });
  ed.press('Escape');
  // "Click to append after the selection": each new layer is selected, so the next one follows it.
  ed.select('input_1');
  for (const [type, params] of [
    ['conv2d', { filters: 6, kernelSize: 5, padding: 'same', activation: 'relu' }],
    ['maxPooling2d', { poolSize: 2 }],
    ['conv2d', { filters: 16, kernelSize: 5, activation: 'relu' }],
    ['maxPooling2d', { poolSize: 2 }],
    ['flatten', {}],
    ['dense', { units: 120, activation: 'relu' }],
    ['dense', { units: 84, activation: 'relu' }],
    ['dense', { units: 10, activation: 'softmax' }],
  ] as const) {
    ed.add(type, { ...params }, { after: true });
  }
  ed.must('setTraining', { patch: { loss: 'categoricalCrossentropy', epochs: 5, batchSize: 64 } });

  const template = analyse(templateGraph('lenet5')!);
  const shapesOf = (a: typeof template) => a.order.map((id) => [a.nodes[id]?.type, a.nodes[id]?.outputShapes, a.nodes[id]?.paramCount]);
  expect(shapesOf(ed.state.analysis)).toEqual(shapesOf(template));
  expect(ed.state.analysis.totals).toEqual(template.totals);
  expect(ed.state.analysis.diagnostics).toEqual([]);
  expect(ed.doc.training).toEqual(templateGraph('lenet5')?.training);
  expect(ed.doc.nodes.map((n) => n.id)).toEqual(templateGraph('lenet5')?.nodes.map((n) => n.id));
  ed.expectShapes({ conv2d_1: '(None, 28, 28, 6)', maxPooling2d_2: '(None, 5, 5, 16)', flatten_1: '(None, 400)', dense_3: '(None, 10)' });

  const { rows, totals } = summaryRows(ed.state);
  expect(rows.map((r) => `${r.type} ${r.outputShape} ${r.params}`)).toEqual([
    'InputLayer (None, 28, 28, 1) 0',
    'Conv2D (None, 28, 28, 6) 156',
    'MaxPooling2D (None, 14, 14, 6) 0',
    'Conv2D (None, 10, 10, 16) 2416',
    'MaxPooling2D (None, 5, 5, 16) 0',
    'Flatten (None, 400) 0',
    'Dense (None, 120) 48120',
    'Dense (None, 84) 10164',
    'Dense (None, 10) 850',
  ]);
  expect(totals.params).toBe(61706);

  // The whole build undoes in one walk back to the empty canvas.
  ed.undoAll();
  expect(ed.doc.nodes).toEqual([]);
});
