import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTopology } from '../../../engine/import/import-model';
import { importReport, reportLines } from '../../../engine/import/import-report';
import { runCli } from '../../support/run-cli';

/** A Keras model with a Lambda that normalises its input, a layer with a setting NetCanvas drops, and plain layers. */
const MODEL = {
  class_name: 'Sequential',
  config: {
    name: 'with_lambda',
    layers: [
      { class_name: 'InputLayer', config: { name: 'pixels', batch_input_shape: [null, 4] } },
      { class_name: 'Lambda', config: { name: 'normalize', function: ['x / 255.0', null, null], output_shape: null } },
      { class_name: 'Dense', config: { name: 'hidden', units: 3, activity_regularizer: { class_name: 'L1', config: { l1: 0.01 } } } },
      { class_name: 'Dense', config: { name: 'out', units: 2, activation: 'softmax' } },
    ],
  },
};

describe('the import report', () => {
  it('lists each layer as exact, approximated or a placeholder, with what to replace the placeholder with', () => {
    const imported = importTopology(MODEL);
    if (!imported.doc) throw new Error('no graph');
    const report = importReport(imported.doc, imported.diagnostics, imported.notes);
    expect({ exact: report.exact, approximated: report.approximated, placeholders: report.placeholders }).toEqual({
      exact: 1,
      approximated: 1,
      placeholders: 1,
    });
    expect(report.notes.find((n) => n.status === 'placeholder')).toMatchObject({
      source: 'Lambda "normalize"',
      replaceWith: expect.stringMatching(/^Replace it with Rescaling\(1\/255\)/),
    });
    expect(report.notes.find((n) => n.status === 'approximated')).toMatchObject({
      source: 'Dense "hidden"',
      message: expect.stringMatching(/activity_regularizer/),
    });
    expect(reportLines(report)[0]).toBe('Import report: 1 exact, 1 approximated, 1 placeholder.');
  });

  it('is printed by netcanvas import, and given in --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-report-'));
    const file = join(dir, 'model.json');
    writeFileSync(file, JSON.stringify(MODEL));
    const text = await runCli(['import', file, '-o', join(dir, 'graph.json')]);
    expect(text.stdout).toMatch(/Import report: 1 exact, 1 approximated, 1 placeholder\./);
    expect(text.stdout).toMatch(/placeholder {2}Lambda "normalize": Kept as a placeholder: .* → Replace it with Rescaling\(1\/255\)/);
    const json = await runCli(['import', file, '-o', join(dir, 'graph.json'), '--json']);
    const out = JSON.parse(json.stdout) as { report: { exact: number; placeholders: number; notes: { status: string }[] } };
    expect(out.report).toMatchObject({ exact: 1, placeholders: 1 });
    expect(out.report.notes).toHaveLength(3);
  }, 240_000);
});
