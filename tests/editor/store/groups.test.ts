import { describe, expect, it } from 'vitest';
import { groupViews, visibleGraph } from '../../../components/editor/store/selectors';
import { TestEditor } from './test-editor';

/** Input → Dense → Dense → Dense → Dense(3). */
function chain() {
  const ed = new TestEditor();
  const x = ed.add('input', { shape: [4] });
  const ids = ed.chain(x, ['dense', { units: 8 }], ['dense', { units: 8 }], ['dense', { units: 8 }], ['dense', { units: 3 }]);
  return { ed, x, ids: ids as [string, string, string, string] };
}

describe('group', () => {
  it('groups the selection into a named block and returns its id', () => {
    const { ed, ids } = chain();
    ed.select(ids[0], ids[1]);
    const g = ed.must('group', { name: '  Encoder ' });
    expect(g).toBe('group_1');
    expect(ed.doc.groups).toEqual([{ id: g, name: 'Encoder', collapsed: false }]);
    expect(ed.node(ids[0]).groupId).toBe(g);
    expect(ed.node(ids[2]).groupId).toBeUndefined();
    expect(ed.selected).toEqual([ids[0], ids[1]]);
    ed.expectValidDoc();
  });

  it('names blocks "Block N" by default and moves layers out of their old block, dropping it when empty', () => {
    const { ed, ids } = chain();
    ed.select(ids[0]);
    const a = ed.must('group');
    ed.select(ids[1]);
    const b = ed.must('group');
    expect(ed.doc.groups?.map((g) => g.name)).toEqual(['Block 1', 'Block 2']);
    ed.select(ids[0], ids[1]);
    const c = ed.must('group', { name: 'Both' });
    expect(ed.doc.groups?.map((g) => g.id)).toEqual([c]);
    expect([a, b]).not.toContain(c);
    ed.undo();
    expect(ed.doc.groups?.map((g) => g.id)).toEqual([a, b]);
  });

  it('is refused without layers', () => {
    const { ed } = chain();
    ed.must('clearSelection');
    expect(ed.refused('group')).toMatch(/Select the layers to group/);
    expect(ed.refused('group', { ids: ['nope'] })).toMatch(/Select/);
  });
});

describe('collapse, rename, ungroup', () => {
  it('collapses and expands a block, undoably', () => {
    const { ed, ids } = chain();
    ed.select(ids[1], ids[2]);
    const g = ed.must('group', { name: 'Middle' });
    ed.must('toggleGroupCollapsed', { groupId: g });
    expect(ed.doc.groups?.[0]?.collapsed).toBe(true);
    const state = ed.state;
    ed.must('toggleGroupCollapsed', { groupId: g, collapsed: true });
    expect(ed.state).toBe(state);
    ed.must('toggleGroupCollapsed', { groupId: g });
    expect(ed.doc.groups?.[0]?.collapsed).toBe(false);
    ed.undo();
    expect(ed.doc.groups?.[0]?.collapsed).toBe(true);
    expect(ed.refused('toggleGroupCollapsed', { groupId: 'nope' })).toMatch(/no block "nope"/);
  });

  it('collapses the block of the selected layers when no block is named, also with the C key', () => {
    const { ed, ids } = chain();
    ed.select(ids[1], ids[2]);
    const g = ed.must('group', { name: 'Middle' });
    ed.select(ids[2]);
    ed.must('toggleGroupCollapsed');
    expect(ed.doc.groups?.find((b) => b.id === g)?.collapsed).toBe(true);
    expect(ed.press('C')).toBe('toggleGroupCollapsed');
    expect(ed.doc.groups?.find((b) => b.id === g)?.collapsed).toBe(false);
    ed.select(ids[0]);
    expect(ed.refused('toggleGroupCollapsed')).toMatch(/Select the layers of one block/);
    ed.select(ids[0], ids[1]);
    expect(ed.refused('toggleGroupCollapsed')).toMatch(/one block/);
  });

  it('renames a block (typing makes one undo entry) and refuses empty names', () => {
    const { ed, ids } = chain();
    ed.select(ids[0]);
    const g = ed.must('group');
    const depth = ed.store.historyDepth().undo;
    for (const name of ['E', 'En', 'Enc']) ed.must('renameGroup', { groupId: g, name });
    expect(ed.store.historyDepth().undo).toBe(depth + 1);
    expect(ed.doc.groups?.[0]?.name).toBe('Enc');
    expect(ed.refused('renameGroup', { groupId: g, name: ' ' })).toBe('A block needs a name.');
    expect(ed.store.canRun('renameGroup', { groupId: g, name: '' })).toBe(false);
    expect(ed.refused('renameGroup', { groupId: 'nope', name: 'x' })).toMatch(/no block/);
    ed.undo();
    expect(ed.doc.groups?.[0]?.name).toBe('Block 1');
  });

  it('ungroups the blocks of the selected layers, or named blocks, keeping the layers', () => {
    const { ed, ids } = chain();
    ed.select(ids[0]);
    const a = ed.must('group');
    ed.select(ids[2]);
    const b = ed.must('group');
    ed.select(ids[0]);
    ed.must('ungroup');
    expect(ed.doc.groups?.map((g) => g.id)).toEqual([b]);
    expect('groupId' in ed.node(ids[0])).toBe(false);
    ed.must('ungroup', { groupIds: [b] });
    expect(ed.doc.groups).toBeUndefined();
    expect(ed.doc.nodes).toHaveLength(5);
    ed.undo(2);
    expect(ed.doc.groups?.map((g) => g.id)).toEqual([a, b]);
    ed.select(ids[3]);
    expect(ed.refused('ungroup')).toMatch(/Select a layer of the block/);
  });
});

describe('group selectors', () => {
  it('describe each block: members, bounds, params, crossings', () => {
    const { ed, ids } = chain();
    ed.select(ids[1], ids[2]);
    const g = ed.must('group', { name: 'Middle' });
    const [view] = groupViews(ed.state);
    expect(view).toMatchObject({ id: g, name: 'Middle', collapsed: false, nodeIds: [ids[1], ids[2]], inputs: 1, outputs: 1 });
    expect(view?.params).toBe(2 * (8 * 8 + 8));
    expect(view?.selected).toBe(true);
    expect(view?.status).toBe('ok');
    const top = ed.node(ids[1]).position.y;
    expect(view?.bounds.y).toBe(top - 24);
    expect(view?.bounds.height).toBe(ed.node(ids[2]).position.y - top + 84 + 48);
  });

  it('a collapsed block stands in for its layers, with edges rerouted and internal ones hidden', () => {
    const { ed, x, ids } = chain();
    ed.select(ids[1], ids[2]);
    const g = ed.must('group');
    expect(visibleGraph(ed.state).nodes).toHaveLength(5);
    ed.must('toggleGroupCollapsed', { groupId: g });
    const visible = visibleGraph(ed.state);
    expect(visible.nodes.map((n) => `${n.kind}:${n.id}`)).toEqual([`layer:${x}`, `layer:${ids[0]}`, `group:${g}`, `layer:${ids[3]}`]);
    expect(visible.edges.map((e) => `${e.source}->${e.target}`)).toEqual([`${x}->${ids[0]}`, `${ids[0]}->${g}`, `${g}->${ids[3]}`]);
    expect(visible.edges[1]).toMatchObject({ targetHandle: 'in:0' });
  });
});
