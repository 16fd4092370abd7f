import { describe, expect, it } from 'vitest';
import { foldColumns } from '@/engine/import/fold-columns';
import { layeredLayout } from '@/engine/import/layout';
import { GraphBuilder } from '@/engine/templates/builder';
import { TestEditor } from './test-editor';

/** A plain stack of `n` dense layers, laid out as one long column. */
function deepColumn(n: number) {
  const g = new GraphBuilder();
  const x = g.add('input', { shape: [8] });
  g.chain(
    x,
    Array.from({ length: n }, () => ['dense', { units: 8 }] as [string, Record<string, unknown>]),
  );
  return layeredLayout(g.build('Deep', {}));
}

describe('folding long columns', () => {
  it('folds a 120-layer column into side-by-side columns that fill a 16:9 window', () => {
    const doc = deepColumn(120);
    const positions = foldColumns(doc, 16 / 9);
    expect(positions).not.toBeNull();
    const placed = doc.nodes.map((n) => positions?.[n.id] ?? n.position);
    const xs = new Set(placed.map((p) => Math.round(p.x)));
    expect(xs.size).toBeGreaterThan(4);
    const width = Math.max(...placed.map((p) => p.x)) - Math.min(...placed.map((p) => p.x)) + 220;
    const height = Math.max(...placed.map((p) => p.y)) - Math.min(...placed.map((p) => p.y)) + 96;
    const before = Math.max(...doc.nodes.map((n) => n.position.y)) - Math.min(...doc.nodes.map((n) => n.position.y));
    expect(height).toBeLessThan(before / 4);
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(3.5);
    // The order reads top to bottom, column after column.
    const column = (p: { x: number }) => Math.round(p.x);
    for (let i = 1; i < placed.length; i++) expect(column(placed[i] as never)).toBeGreaterThanOrEqual(column(placed[i - 1] as never));
  });

  it('leaves a design that already fits alone, and the command undoes in one step', () => {
    expect(foldColumns(deepColumn(3), 16 / 9)).toBeNull();
    const editor = new TestEditor({ doc: deepColumn(60) });
    const before = editor.state.doc.nodes.map((n) => n.position);
    expect(editor.run('foldColumns', { aspect: 16 / 9 }).ok).toBe(true);
    expect(editor.state.doc.nodes.map((n) => n.position)).not.toEqual(before);
    editor.run('undo');
    expect(editor.state.doc.nodes.map((n) => n.position)).toEqual(before);
    const small = new TestEditor({ doc: deepColumn(2) });
    const refused = small.run('foldColumns', {});
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/no long column/) });
  });
});
