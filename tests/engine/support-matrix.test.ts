import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../engine/backends/node-tf';
import { allLayerSpecs } from '../../engine/layers/registry';
import { SUPPORT_COLUMNS, type SupportRow, supportMatrix } from '../../engine/support/support-matrix';
import { README, readmeWithMatrix, SUPPORT_JSON } from '../../scripts/support-matrix-files';

let rows: SupportRow[];
beforeAll(async () => {
  rows = supportMatrix(await nodeTf());
}, 300_000);

describe('the per-layer support matrix', () => {
  it('has one row per layer of the registry, with every column', () => {
    const types = allLayerSpecs()
      .filter((s) => s.category !== 'placeholder')
      .map((s) => s.type);
    expect(rows.map((r) => r.type)).toEqual(types);
    for (const row of rows) expect(Object.keys(row.cells).sort()).toEqual([...SUPPORT_COLUMNS].sort());
  });

  it('says what the importers and exporters really do', () => {
    const cell = (type: string, column: (typeof SUPPORT_COLUMNS)[number]) => rows.find((r) => r.type === type)?.cells[column];
    expect(cell('conv2d', 'ONNX import')).toBe('yes');
    expect(cell('conv2d', 'Caffe import')).toBe('Convolution');
    expect(cell('dense', 'Caffe import')).toBe('InnerProduct');
    expect(cell('dropout', 'ONNX import')).toBe('removed (no-op in inference)');
    expect(cell('dot', 'ONNX export')).toBe('—');
  });

  it('is up to date in the page data and the README (regenerate with npx tsx scripts/support-matrix.ts)', () => {
    expect(JSON.parse(readFileSync(SUPPORT_JSON, 'utf8'))).toEqual(rows);
    // Compared cell by cell: the formatter may pad the table's columns.
    const cells = (text: string) =>
      (text.split('<!-- support-matrix:start')[1]?.split('<!-- support-matrix:end -->')[0] ?? '')
        .split('\n')
        .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
        .map((line) =>
          line
            .split('|')
            .slice(1, -1)
            .map((c) => c.trim()),
        );
    const readme = readFileSync(README, 'utf8');
    expect(cells(readme)).toEqual(cells(readmeWithMatrix(readme, rows)));
    expect(cells(readme)).toHaveLength(rows.length + 1);
  });
});
