import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRefusal } from '../../../components/editor/store/command';
import { type ArgsOf, COMMANDS, type CommandId } from '../../../components/editor/store/commands';
import type { EditorState } from '../../../components/editor/store/editor-state';
import { applyChanges, invertChanges } from '../../../engine/graph/apply-changes';
import { parseChanges } from '../../../engine/graph/changes';
import type { GraphDoc } from '../../../engine/graph/schema';
import { TEMPLATES, templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

/** Random picks a case turns into ids of whatever the document holds. */
interface Picks {
  nodes: number[];
  edge: number;
  n: number;
  flag: boolean;
}

/**
 * How to exercise one command on a document: `prepare` may run other commands first (select, group,
 * copy), then `args` are the command's arguments. History commands are exercised by every case.
 */
type Case<K extends CommandId> = { prepare?: (ed: TestEditor, p: Picks) => void; args: (ed: TestEditor, p: Picks) => ArgsOf<K> };
type Table = { [K in CommandId]: Case<K> | 'history' };

const ids = (ed: TestEditor, p: Picks) => {
  const all = ed.doc.nodes.map((n) => n.id);
  return [...new Set(p.nodes.map((i) => all[i % all.length] as string))];
};
const one = (ed: TestEditor, p: Picks) => ids(ed, p)[0] as string;
const selectPicks = (ed: TestEditor, p: Picks) => {
  const edge = ed.doc.edges[p.edge % Math.max(ed.doc.edges.length, 1)];
  ed.must('selectNodes', { nodes: ids(ed, p), edges: edge && p.flag ? [edge.id] : [] });
};
const groupPicks = (ed: TestEditor, p: Picks) => {
  selectPicks(ed, p);
  ed.must('group', { name: 'Stage' });
};
const firstGroup = (ed: TestEditor) => ed.doc.groups?.[0]?.id ?? 'none';

const CASES: Table = {
  undo: 'history',
  redo: 'history',
  addNode: { args: (ed, p) => ({ type: p.flag ? 'dropout' : 'dense', after: one(ed, p) }) },
  deleteSelection: { prepare: selectPicks, args: () => ({}) },
  moveNodes: {
    args: (ed, p) =>
      p.flag ? { delta: { x: p.n, y: -p.n }, ids: ids(ed, p) } : { positions: { [one(ed, p)]: { x: p.n * 3, y: p.n } }, gesture: 'drag' },
  },
  connect: {
    prepare: (ed) => void ed.add('dense', { units: 2 }, { position: { x: -400, y: 0 } }),
    args: (ed, p) => ({ source: one(ed, p), target: ed.doc.nodes.at(-1)?.id ?? '' }),
  },
  disconnect: { args: (ed, p) => ({ edges: [ed.doc.edges[p.edge % ed.doc.edges.length]?.id ?? ''] }) },
  updateParams: {
    args: (ed, p) =>
      p.flag
        ? { nodeId: one(ed, p), patch: { units: p.n + 1, activation: undefined } }
        : { nodeId: one(ed, p), path: 'name', value: `n${p.n}` },
  },
  renameNode: { args: (ed, p) => ({ nodeId: one(ed, p), name: p.flag ? `layer ${p.n}` : '' }) },
  setTrainable: { prepare: selectPicks, args: (_ed, p) => ({ trainable: p.n % 3 === 0 }) },
  freezeUpTo: { args: (ed, p) => ({ nodeId: one(ed, p) }) },
  cutAfter: { args: (ed, p) => ({ nodeId: one(ed, p) }) },
  replaceHead: { args: (ed, p) => ({ classes: p.n + 1, ...(p.flag ? { after: one(ed, p), dropout: 0.25 } : {}) }) },
  duplicateSelection: { prepare: selectPicks, args: () => ({}) },
  copy: { prepare: selectPicks, args: () => ({}) },
  cut: { prepare: selectPicks, args: () => ({}) },
  paste: {
    prepare: (ed, p) => {
      selectPicks(ed, p);
      ed.must('copy');
    },
    args: (ed, p) => ({ text: ed.clipboard, ...(p.flag ? { at: { x: p.n, y: p.n } } : {}) }),
  },
  selectAll: { args: () => ({}) },
  selectNodes: { args: (ed, p) => ({ nodes: ids(ed, p), mode: p.flag ? 'toggle' : 'replace' }) },
  clearSelection: { prepare: selectPicks, args: () => ({}) },
  group: {
    // Some runs regroup layers that are already in a block (it loses them, or disappears when emptied).
    prepare: (ed, p) => p.flag && p.nodes.length > 1 && groupPicks(ed, { ...p, nodes: p.nodes.slice(1) }),
    args: (ed, p) => ({ ids: ids(ed, p) }),
  },
  ungroup: { prepare: groupPicks, args: (ed) => ({ groupIds: [firstGroup(ed)] }) },
  toggleGroupCollapsed: { prepare: groupPicks, args: (ed) => ({ groupId: firstGroup(ed) }) },
  renameGroup: { prepare: groupPicks, args: (ed, p) => ({ groupId: firstGroup(ed), name: `Block ${p.n}` }) },
  autoLayout: {
    prepare: (ed, p) => ed.must('moveNodes', { positions: { [one(ed, p)]: { x: 5000, y: -5000 } } }),
    args: () => ({}),
  },
  foldColumns: { args: (_ed, p) => ({ aspect: p.flag ? 16 / 9 : 4 / 3 }) },
  setTraining: {
    prepare: (ed) => ed.must('setTraining', { patch: { batchSize: 16 } }),
    args: (_ed, p) => ({
      patch: { epochs: p.n + 1, earlyStopping: p.flag ? null : { patience: 3, monitor: 'val_loss' }, batchSize: undefined },
    }),
  },
  replaceDocument: {
    args: (_ed, p) => ({ doc: TEMPLATES[p.n % TEMPLATES.length]?.build(), mode: p.flag ? 'import' : 'open' }),
  },
  markSaved: { args: () => ({}) },
};

const picks = fc.record({
  nodes: fc.array(fc.nat({ max: 200 }), { minLength: 1, maxLength: 4 }),
  edge: fc.nat({ max: 200 }),
  n: fc.integer({ min: 1, max: 60 }),
  flag: fc.boolean(),
});

/** The documents commands are run on: every template. */
const DOCS = TEMPLATES.map((t) => t.name);

/** Runs one case; returns whether the command changed the document. */
function check(id: CommandId, template: string, p: Picks): boolean {
  const entry = CASES[id];
  if (entry === 'history') return false;
  const ed = new TestEditor({ doc: templateGraph(template) as GraphDoc });
  entry.prepare?.(ed, p);
  ed.store.seal();
  const args = entry.args(ed, p);
  const before: EditorState = ed.state;
  const copy = structuredClone(before.doc);
  const command = COMMANDS[id] as unknown as { perform(s: EditorState, a: unknown): ReturnType<(typeof COMMANDS)['addNode']['perform']> };
  const outcome = command.perform(before, args);
  const dispatched = (ed.run as (id: CommandId, a: unknown) => { ok: boolean })(id, args);
  expect(dispatched.ok).toBe(!isRefusal(outcome));
  if (isRefusal(outcome)) {
    expect(ed.state).toBe(before);
    return false;
  }
  ed.expectValidDoc();
  const after = ed.doc;

  // The changes are plain data: they survive JSON, and applied to a copy they give the command's result.
  const parsed = parseChanges(JSON.parse(JSON.stringify(outcome.changes ?? [])));
  if (!parsed.ok) throw new Error(`${id}: ${parsed.message}`);
  expect(applyChanges(copy, parsed.changes)).toEqual(after);
  expect(copy).toEqual(before.doc);
  expect(applyChanges(after, invertChanges(before.doc, parsed.changes))).toEqual(before.doc);

  const changed = (outcome.changes ?? []).length > 0;
  if (!changed) {
    expect(after).toBe(before.doc);
    return false;
  }
  if (!outcome.undoable) {
    expect(ed.state.history.canUndo).toBe(false);
    return true;
  }
  // Undo and redo walk the same edit back and forth through inverse change lists.
  const selectionAfter = ed.state.selection;
  expect(ed.state.history.undoLabel).toBe(COMMANDS[id].label);
  ed.undo();
  expect(ed.doc).toEqual(before.doc);
  expect(ed.state.selection).toEqual(before.selection);
  expect(ed.state.dirty).toBe(before.dirty);
  ed.redo();
  expect(ed.doc).toEqual(after);
  expect(ed.state.selection).toEqual(selectionAfter);
  ed.undo();
  expect(ed.doc).toEqual(before.doc);
  return true;
}

describe('every command as a change list', () => {
  it('the table covers every command in the registry', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  const editing = (Object.keys(CASES) as CommandId[]).filter((id) => CASES[id] !== 'history');
  const selectionOnly = new Set<CommandId>(['copy', 'selectAll', 'selectNodes', 'clearSelection', 'markSaved']);

  it.each(editing)('%s: its changes applied to a copy equal its result; undo and redo go through their inverse', (id) => {
    let edits = 0;
    fc.assert(
      fc.property(fc.constantFrom(...DOCS), picks, (template, p) => {
        if (check(id, template, p)) edits++;
      }),
      { numRuns: 40 },
    );
    // Selection-only commands never edit the document; every other one must have edited in some runs.
    if (selectionOnly.has(id)) expect(edits).toBe(0);
    else expect(edits).toBeGreaterThan(0);
  });

  it('undo and redo of a long mixed sequence walk every step back and forth', () => {
    const ed = new TestEditor({ doc: templateGraph('resnet-small') });
    const docs = [ed.doc];
    const p: Picks = { nodes: [1, 3], edge: 2, n: 7, flag: true };
    for (const id of editing) {
      const entry = CASES[id];
      if (entry === 'history' || selectionOnly.has(id) || id === 'replaceDocument') continue;
      entry.prepare?.(ed, p);
      ed.store.seal();
      docs.push(ed.doc);
      ed.run(id, entry.args(ed, p) as never);
      ed.store.seal();
      docs.push(ed.doc);
    }
    const distinct = docs.filter((d, i) => i === 0 || d !== docs[i - 1]);
    const steps = ed.undoAll();
    expect(ed.doc).toEqual(docs[0]);
    expect(steps).toBeGreaterThanOrEqual(distinct.length - 1);
    ed.redoAll();
    expect(ed.doc).toEqual(docs.at(-1));
  });
});
