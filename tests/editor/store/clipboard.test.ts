import { describe, expect, it } from 'vitest';
import { CLIPBOARD_FORMAT } from '../../../components/editor/store/clipboard';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

/** Input → Conv2D → Flatten → Dense, with Conv2D and Flatten grouped as "Features". */
function project() {
  const ed = new TestEditor();
  const x = ed.add('input', { shape: [28, 28, 1] });
  const [c, f, d] = ed.chain(x, ['conv2d', { filters: 8 }], ['flatten'], ['dense', { units: 10 }]) as [string, string, string];
  ed.select(c, f);
  const g = ed.must('group', { name: 'Features' });
  return { ed, x, c, f, d, g };
}

describe('copy', () => {
  it('puts the selection, its internal edges and its groups on the clipboard as JSON text', () => {
    const { ed, c, f, g } = project();
    const before = ed.state;
    const text = ed.must('copy');
    expect(ed.state).toBe(before);
    const payload = JSON.parse(text);
    expect(payload).toMatchObject({ format: CLIPBOARD_FORMAT, version: 1 });
    expect(payload.nodes.map((n: { id: string }) => n.id)).toEqual([c, f]);
    expect(payload.edges).toEqual([{ id: `${c}->${f}`, source: c, target: f }]);
    expect(payload.groups).toEqual([{ id: g, name: 'Features', collapsed: false }]);
    expect(ed.clipboard).toBe(text);
  });

  it('is refused with no layer selected', () => {
    const { ed } = project();
    ed.must('clearSelection');
    expect(ed.refused('copy')).toMatch(/Select the layers to copy/);
  });
});

describe('paste', () => {
  it('pastes under fresh ids, offset, with edges and groups remapped, and selects the copies', () => {
    const { ed, c, f, g } = project();
    ed.must('copy');
    const ids = ed.must('paste', { text: ed.clipboard });
    expect(ids).toEqual(['conv2d_2', 'flatten_2']);
    expect(ed.node('conv2d_2').position).toEqual({ x: ed.node(c).position.x + 40, y: ed.node(c).position.y + 40 });
    expect(ed.edgesBetween('conv2d_2', 'flatten_2')).toHaveLength(1);
    const groups = ed.doc.groups ?? [];
    expect(groups.map((gr) => gr.id)).toEqual([g, 'group_2']);
    expect(ed.node('conv2d_2').groupId).toBe('group_2');
    expect(ed.node(f).groupId).toBe(g);
    expect(ed.state.selection).toEqual({ nodes: ['conv2d_2', 'flatten_2'], edges: ['conv2d_2->flatten_2'] });
    ed.expectValidDoc();
  });

  it('fans repeated pastes out instead of stacking them, or places them at a point', () => {
    const { ed, c } = project();
    ed.select(c);
    const text = ed.must('copy');
    const [first] = ed.must('paste', { text });
    const [second] = ed.must('paste', { text });
    expect(ed.node(second as string).position).toEqual({
      x: ed.node(first as string).position.x + 40,
      y: ed.node(first as string).position.y + 40,
    });
    const [third] = ed.must('paste', { text, at: { x: -500, y: 7 } });
    expect(ed.node(third as string).position).toEqual({ x: -500, y: 7 });
  });

  it('works between two projects (stores) through clipboard text', () => {
    const source = project();
    source.ed.select(source.x, source.c, source.f, source.d);
    const text = source.ed.must('copy');

    const target = new TestEditor({ doc: templateGraph('mlp') });
    const before = target.doc.nodes.length;
    expect(before).toBeGreaterThan(2);
    const ids = target.must('paste', { text });
    expect(target.doc.nodes).toHaveLength(before + 4);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(target.doc.nodes.filter((n) => n.id === id)).toHaveLength(1);
    const [x, c, , d] = ids as [string, string, string, string];
    target.expectShapes({ [x]: '(None, 28, 28, 1)', [c]: '(None, 26, 26, 8)', [d]: '(None, 10)' });
    expect(target.doc.groups?.map((g) => g.name)).toContain('Features');
    target.expectValidDoc();
    // The source project is untouched.
    expect(source.ed.doc.nodes).toHaveLength(4);
  });

  it('keeps names unique and renames names that were ids', () => {
    const ed = new TestEditor({ doc: templateGraph('lenet5') });
    ed.must('renameNode', { nodeId: 'dense_3', name: 'logits' });
    ed.select('dense_2', 'dense_3');
    ed.must('paste', { text: ed.must('copy') });
    const names = ed.doc.nodes.map((n) => n.name);
    expect(names).toContain('dense_4');
    expect(names).toContain('logits_2');
    expect(new Set(ed.doc.nodes.map((n) => ed.state.analysis.nodes[n.id]?.layerName)).size).toBe(ed.doc.nodes.length);
  });

  it('pastes a whole graph document as layers', () => {
    const ed = new TestEditor();
    const ids = ed.must('paste', { text: JSON.stringify(templateGraph('lenet5')) });
    expect(ids).toHaveLength(9);
    expect(ed.state.analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses foreign or damaged clipboard contents with a clear message, changing nothing', () => {
    const { ed } = project();
    expect(ed.refused('paste', { text: 'hello world' })).toBe(
      'The clipboard holds text, not NetCanvas layers. Copy layers in NetCanvas first.',
    );
    expect(ed.refused('paste', { text: '[1, 2]' })).toBe('The clipboard holds JSON, but not NetCanvas layers.');
    expect(ed.refused('paste', { text: '{"format":"keras","nodes":[]}' })).toBe(
      'The clipboard holds JSON (format "keras"), but not NetCanvas layers.',
    );
    expect(ed.refused('paste', { text: JSON.stringify({ format: CLIPBOARD_FORMAT, version: 2, nodes: [], edges: [] }) })).toMatch(
      /newer NetCanvas \(clipboard version 2\)/,
    );
    const damaged = { format: CLIPBOARD_FORMAT, version: 1, nodes: [{ id: 'a', type: 'dense', params: {} }], edges: [] };
    expect(ed.refused('paste', { text: JSON.stringify(damaged) })).toMatch(/^The copied layers are damaged \(nodes\.0\.position: /);
    expect(ed.refused('paste', { text: JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, nodes: [], edges: [] }) })).toBe(
      'The clipboard holds no layers.',
    );
    expect(ed.refused('paste', { text: '{"format":"netcanvas.graph","version":1,"nodes":"x","edges":[]}' })).toMatch(
      /^The copied graph is not valid/,
    );
    expect(ed.store.canRun('paste', { text: 'nope' })).toBe(false);
  });

  it('drops edges to layers that were not copied and memberships of groups that were not', () => {
    const ed = new TestEditor();
    const text = JSON.stringify({
      format: CLIPBOARD_FORMAT,
      version: 1,
      nodes: [{ id: 'a', type: 'dense', params: {}, position: { x: 0, y: 0 }, groupId: 'missing' }],
      edges: [{ id: 'e', source: 'elsewhere', target: 'a' }],
    });
    const [id] = ed.must('paste', { text });
    expect(ed.node(id as string).groupId).toBeUndefined();
    expect(ed.doc.edges).toEqual([]);
    expect(ed.doc.groups).toBeUndefined();
  });
});

describe('cut and duplicateSelection', () => {
  it('cut copies then deletes, undoably', () => {
    const { ed, c, f } = project();
    const text = ed.must('cut');
    expect(JSON.parse(text).nodes).toHaveLength(2);
    expect(ed.doc.nodes.map((n) => n.id)).not.toContain(c);
    expect(ed.doc.groups).toBeUndefined();
    ed.undo();
    expect(ed.doc.nodes.map((n) => n.id)).toContain(f);
    ed.must('clearSelection');
    expect(ed.refused('cut')).toMatch(/Select/);
  });

  it('duplicate copies the selection next to it, keeping the inputs that feed it (a parallel branch)', () => {
    const { ed, x, c, f } = project();
    const ids = ed.must('duplicateSelection');
    expect(ids).toEqual(['conv2d_2', 'flatten_2']);
    expect(ed.edgesBetween(x, 'conv2d_2')).toHaveLength(1);
    expect(ed.edgesBetween('conv2d_2', 'flatten_2')).toHaveLength(1);
    expect(ed.doc.edges.filter((e) => e.source === 'flatten_2')).toEqual([]);
    expect(ed.node('conv2d_2').position).toEqual({ x: ed.node(c).position.x + 40, y: ed.node(c).position.y + 40 });
    expect(ed.node('conv2d_2').groupId).not.toBe(ed.node(c).groupId);
    ed.expectShapes({ flatten_2: ed.shape(f) });
    expect(ed.selected).toEqual(ids);
    ed.must('clearSelection');
    expect(ed.refused('duplicateSelection')).toMatch(/Select/);
  });
});
