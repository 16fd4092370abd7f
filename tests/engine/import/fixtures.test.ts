import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { hasErrors } from '../../../engine/diagnostics';
import { importTopology } from '../../../engine/import/import-model';
import { modelFixtures } from '../../support/fixtures';

/**
 * Real model files from public repositories: the importer must reproduce the totals TF.js computes,
 * and turn the files TF.js rejects into a correct import or clear diagnostics.
 */
describe('importing the real model files', () => {
  for (const fixture of modelFixtures()) {
    it(`${fixture.name}: ${fixture.expected ? `${fixture.expected.totalParams} params` : 'rejected by TF.js'}`, () => {
      const imported = importTopology(readFileSync(fixture.path, 'utf8'));
      if (!fixture.expected) {
        const problems = [...imported.diagnostics, ...(imported.doc ? analyse(imported.doc).diagnostics : [])];
        if (imported.ok && imported.doc && !hasErrors(problems)) return; // a correct import of a file TF.js refuses
        expect(hasErrors(problems)).toBe(true);
        for (const d of problems) expect(d.message.length).toBeGreaterThan(10);
        return;
      }
      expect(imported.ok, JSON.stringify(imported.diagnostics)).toBe(true);
      const doc = imported.doc;
      if (!doc) return;
      const analysis = analyse(doc);
      const errors = [...imported.diagnostics, ...analysis.diagnostics].filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
      expect(analysis.totals.params).toBe(fixture.expected.totalParams);
      expect(analysis.totals.complete).toBe(true);
      expect(analysis.inputs.map((id) => analysis.nodes[id]?.outputShapes?.[0])).toEqual(fixture.expected.inputs);
      expect(analysis.outputs).toHaveLength(fixture.expected.outputs);
    });
  }
});
