import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { importCaffe } from '../../../engine/caffe/import-caffe';
import { hasErrors } from '../../../engine/diagnostics';
import { FIXTURES } from '../../support/fixtures';

const DIR = join(FIXTURES, 'caffe');

function caffeFiles(): { file: string; net: string; params: number | null; placeholders: string[] }[] {
  return readFileSync(join(DIR, 'SOURCES.md'), 'utf8')
    .split('\n')
    .map((line) => line.split('|').map((c) => c.trim()))
    .flatMap((cells) => {
      const file = /^`(.+\.prototxt)`$/.exec(cells[1] ?? '')?.[1];
      if (!file) return [];
      const report = /^report: (.+)$/.exec(cells[3] ?? '');
      return [
        {
          file,
          net: cells[2] ?? '',
          params: report ? null : Number((cells[3] ?? '').replaceAll(',', '')),
          placeholders: report ? (report[1] as string).split(', ') : [],
        },
      ];
    });
}

/** Caffe model-zoo net definitions import with their published parameter counts, or name the layers TF.js lacks. */
describe('real Caffe deploy.prototxt files', () => {
  for (const entry of caffeFiles()) {
    it(`${entry.file} (${entry.net})`, () => {
      const imported = importCaffe(readFileSync(join(DIR, entry.file), 'utf8'));
      expect(imported.ok).toBe(true);
      expect(imported.weightArrays).toBeUndefined(); // no .caffemodel: the design starts from initialised weights
      const doc = imported.doc;
      if (!doc) return;
      const analysis = analyse(doc);
      const problems = [...imported.diagnostics, ...analysis.diagnostics];
      if (entry.params === null) {
        expect(hasErrors(problems)).toBe(true);
        const kinds = [...new Set(doc.nodes.filter((n) => n.type === 'unsupported').map((n) => String(n.params.className)))].sort();
        expect(kinds).toEqual([...entry.placeholders].sort());
        for (const note of imported.notes.filter((n) => n.status === 'placeholder')) expect(note.replaceWith?.length).toBeGreaterThan(10);
        return;
      }
      expect(problems.filter((d) => d.severity === 'error')).toEqual([]);
      expect(analysis.totals.params).toBe(entry.params);
      expect(analysis.totals.complete).toBe(true);
    });
  }
});
