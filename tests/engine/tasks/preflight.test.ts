import { describe, expect, it } from 'vitest';
import type { GraphDoc } from '../../../engine/graph/schema';
import { templateGraph } from '../../../engine/templates';
import { GraphBuilder } from '../../../engine/templates/builder';
import type { DatasetShape } from '../../../engine/train/fit-to-dataset';
import { resolveSettings } from '../../../engine/train/resolve-settings';

const digits: DatasetShape = { name: 'Digits', task: 'classification', featureShape: [28, 28, 1], classes: '0123456789'.split('') };
const shapesBoxes: DatasetShape = {
  name: 'Shapes with boxes',
  task: 'detection',
  featureShape: [32, 32, 1],
  labelSize: 80,
  classes: ['circle', 'square', 'triangle'],
};
const diabetes: DatasetShape = { name: 'Diabetes', task: 'regression', featureShape: [10], labelSize: 1 };

const template = (name: string): GraphDoc => templateGraph(name) as GraphDoc;

/** conv → (more) → the given tail, on 28×28×1 images. */
function convThen(tail: [string, Record<string, unknown>][], training?: Record<string, unknown>): GraphDoc {
  const g = new GraphBuilder();
  const x = g.add('input', { shape: [28, 28, 1] });
  g.chain(g.add('conv2d', { filters: 8, kernelSize: 3, activation: 'relu' }, [x]), tail);
  return g.build('test', training);
}

/**
 * Before a run starts, the design is checked against the dataset and its task; each mismatch names the
 * layer at fault and says what to change, so no TF.js error about ranks or sizes reaches anyone.
 */
describe('preflight', () => {
  const cases: { name: string; doc: () => GraphDoc; data: DatasetShape; kind: string; node?: string; hint: RegExp }[] = [
    {
      name: 'a Dense layer fed a 4-D tensor where a class vector is expected',
      doc: () => convThen([['dense', { units: 10, activation: 'softmax' }]]),
      data: digits,
      kind: 'dense_rank',
      node: 'dense_1',
      hint: /^Add Flatten or GlobalAveragePooling2D before dense_1\.$/,
    },
    {
      name: 'the same behind a Dropout',
      doc: () =>
        convThen([
          ['dense', { units: 10, activation: 'softmax' }],
          ['dropout', { rate: 0.2 }],
        ]),
      data: digits,
      kind: 'dense_rank',
      node: 'dense_1',
      hint: /Flatten or GlobalAveragePooling2D before dense_1/,
    },
    {
      name: 'an image output (the U-Net) for one class per sample',
      doc: () => template('unet-small'),
      data: digits,
      kind: 'output_rank',
      node: 'conv2d_11',
      hint: /GlobalAveragePooling2D \(or Flatten\) and a Dense layer for 10 classes/,
    },
    {
      name: 'a design for table rows on images',
      doc: () => template('mlp'),
      data: digits,
      kind: 'input_rank',
      node: 'input_1',
      hint: /^Pick a dataset of rows of 2 numbers, or set the Input to 28 × 28 × 1/,
    },
    {
      name: 'an image design on table rows',
      doc: () => template('lenet5'),
      data: diabetes,
      kind: 'input_rank',
      node: 'input_1',
      hint: /Pick a dataset of images/,
    },
    {
      name: 'a loss that does not suit the task',
      doc: () => ({ ...template('lenet5'), training: { loss: 'meanSquaredError' } as GraphDoc['training'] }),
      data: digits,
      kind: 'loss_task',
      hint: /categorical cross-entropy/,
    },
    {
      name: 'an output that is not a Dense layer, with the wrong size',
      doc: () => convThen([['globalAveragePooling2d', {}]]),
      data: digits,
      kind: 'output_size',
      node: 'globalAveragePooling2d_1',
      hint: /^End the design with a Dense layer of 10 units\.$/,
    },
    {
      name: "the detector's box loss on class labels",
      doc: () => template('detector-small'),
      data: digits,
      kind: 'loss_task',
      hint: /^Choose one of: categorical cross-entropy/,
    },
    {
      name: 'a classifier on images with boxes',
      doc: () => template('lenet5'),
      data: shapesBoxes,
      kind: 'output_rank',
      node: 'dense_3',
      hint: /^End the design with a Conv2D layer of 7 filters whose output is 8×8 \(no Flatten or Dense at the end\)/,
    },
  ];

  for (const c of cases) {
    it(`catches ${c.name}`, () => {
      const resolved = resolveSettings(c.doc(), c.data);
      const problem = resolved.preflight[0];
      expect(problem?.kind).toBe(c.kind);
      expect(problem?.nodeId).toBe(c.node);
      expect(problem?.hint).toMatch(c.hint);
      // The run is refused with the preflight's words, not the analyser's or TF.js's.
      expect(resolved.problem).toBe(`${problem?.message} ${problem?.hint}`);
      expect(resolved.problem).not.toMatch(/expected .* to have|dimension\(s\)|undefined|NaN/);
    });
  }

  it('finds nothing wrong with designs that fit their data', () => {
    expect(resolveSettings(template('lenet5'), digits).preflight).toEqual([]);
    expect(resolveSettings(template('mlp'), diabetes).preflight).toEqual([]);
    expect(resolveSettings(template('detector-small'), shapesBoxes).preflight).toEqual([]);
    expect(
      resolveSettings(template('detector-small'), { ...shapesBoxes, featureShape: [128, 128, 3], classes: ['raccoon'] }).preflight,
    ).toEqual([]);
    expect(resolveSettings(template('vgg-small'), { ...digits, featureShape: [32, 32, 3] }).preflight).toEqual([]);
    // Fitting adapts sizes of the same kind (28×28 → 32×32): not a mismatch.
    expect(resolveSettings(template('lenet5'), { ...digits, featureShape: [32, 32, 3] }).preflight).toEqual([]);
  });
});
