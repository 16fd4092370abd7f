import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../engine/import/layout';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

/**
 * Random command sequences: each intent picks its targets by index among whatever exists when it
 * runs, so every sequence is meaningful whatever came before. Refusals are fine (they change nothing).
 */
const TYPES = ['dense', 'dropout', 'flatten', 'conv2d', 'maxPooling2d', 'add', 'concatenate', 'input'] as const;

const intent = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), type: fc.constantFrom(...TYPES), after: fc.boolean() }),
  fc.record({ kind: fc.constant('connect' as const), a: fc.nat(), b: fc.nat(), port: fc.option(fc.nat({ max: 2 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('disconnect' as const), e: fc.nat() }),
  fc.record({ kind: fc.constant('select' as const), picks: fc.array(fc.nat(), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(),
    x: fc.integer({ min: -500, max: 500 }),
    y: fc.integer({ min: -500, max: 500 }),
    gesture: fc.constantFrom('g1', 'g2', undefined),
  }),
  fc.record({ kind: fc.constant('params' as const), pick: fc.nat(), units: fc.integer({ min: 0, max: 64 }) }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), name: fc.constantFrom('', 'a', 'ab', 'head') }),
  fc.record({ kind: fc.constant('trainable' as const), value: fc.boolean() }),
  fc.constantFrom(
    { kind: 'duplicate' as const },
    { kind: 'copyPaste' as const },
    { kind: 'cut' as const },
    { kind: 'group' as const },
    { kind: 'ungroup' as const },
    { kind: 'layout' as const },
    { kind: 'undo' as const },
    { kind: 'redo' as const },
    { kind: 'selectAll' as const },
  ),
  fc.record({ kind: fc.constant('collapse' as const), g: fc.nat() }),
  fc.record({ kind: fc.constant('renameGroup' as const), g: fc.nat(), name: fc.constantFrom('B', 'Block') }),
  fc.record({ kind: fc.constant('training' as const), epochs: fc.integer({ min: 1, max: 20 }) }),
);

type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

function perform(ed: TestEditor, step: Intent): void {
  const ids = ed.doc.nodes.map((n) => n.id);
  const pick = (i: number) => ids[i % Math.max(ids.length, 1)] ?? 'none';
  const groups = ed.doc.groups ?? [];
  switch (step.kind) {
    case 'add':
      ed.run('addNode', { type: step.type, ...(step.after ? { after: true as const } : {}) });
      break;
    case 'connect':
      ed.run('connect', {
        source: pick(step.a),
        target: pick(step.b),
        ...(step.port === undefined ? {} : { targetHandle: `in:${step.port}` }),
      });
      break;
    case 'disconnect': {
      const edge = ed.doc.edges[step.e % Math.max(ed.doc.edges.length, 1)];
      ed.run('disconnect', { edges: edge ? [edge.id] : [] });
      break;
    }
    case 'select':
      ed.run('selectNodes', { nodes: step.picks.map(pick) });
      break;
    case 'delete':
      ed.run('deleteSelection');
      break;
    case 'move':
      ed.run('moveNodes', {
        positions: { [pick(step.pick)]: { x: step.x, y: step.y } },
        ...(step.gesture ? { gesture: step.gesture } : {}),
      });
      break;
    case 'params':
      ed.run('updateParams', { nodeId: pick(step.pick), patch: { units: step.units } });
      break;
    case 'rename':
      ed.run('renameNode', { nodeId: pick(step.pick), name: step.name });
      break;
    case 'trainable':
      ed.run('setTrainable', { trainable: step.value });
      break;
    case 'duplicate':
      ed.run('duplicateSelection');
      break;
    case 'copyPaste': {
      const copied = ed.run('copy');
      if (copied.ok && copied.output) ed.run('paste', { text: copied.output });
      break;
    }
    case 'cut':
      ed.run('cut');
      break;
    case 'group':
      ed.run('group');
      break;
    case 'ungroup':
      ed.run('ungroup');
      break;
    case 'layout':
      ed.run('autoLayout', { layout: layeredLayout });
      break;
    case 'undo':
      ed.run('undo');
      break;
    case 'redo':
      ed.run('redo');
      break;
    case 'selectAll':
      ed.run('selectAll');
      break;
    case 'collapse': {
      const group = groups[step.g % Math.max(groups.length, 1)];
      if (group) ed.run('toggleGroupCollapsed', { groupId: group.id });
      break;
    }
    case 'renameGroup': {
      const group = groups[step.g % Math.max(groups.length, 1)];
      if (group) ed.run('renameGroup', { groupId: group.id, name: step.name });
      break;
    }
    case 'training':
      ed.run('setTraining', { patch: { epochs: step.epochs } });
      break;
  }
}

describe('undo/redo over random command sequences', () => {
  it('undo all returns the original document; redo returns the final one; every step keeps the document valid', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(intent, { minLength: 1, maxLength: 40 }), (fromTemplate, steps) => {
        const ed = new TestEditor(fromTemplate ? { doc: templateGraph('lenet5') } : {});
        const original = structuredClone(ed.doc);
        for (const step of steps) {
          perform(ed, step);
          ed.expectValidDoc();
          const ids = new Set(ed.doc.nodes.map((n) => n.id));
          expect(ed.selected.every((id) => ids.has(id))).toBe(true);
          expect(Object.keys(ed.state.analysis.nodes).sort()).toEqual([...ids].sort());
        }
        const final = structuredClone(ed.doc);
        const stepsBack = ed.undoAll();
        expect(ed.doc).toEqual(original);
        expect(ed.state.dirty).toBe(false);
        ed.redo(stepsBack);
        expect(ed.doc).toEqual(final);
        ed.redoAll();
        ed.expectValidDoc();
      }),
      { numRuns: 150 },
    );
  });

  it('the incremental analysis equals a fresh one after any sequence', async () => {
    const { analyse } = await import('../../../engine/analysis/analyse');
    fc.assert(
      fc.property(fc.array(intent, { minLength: 1, maxLength: 30 }), (steps) => {
        const ed = new TestEditor({ doc: templateGraph('lenet5') });
        for (const step of steps) perform(ed, step);
        const { stats: _incremental, ...incremental } = ed.state.analysis;
        const { stats: _fresh, ...fresh } = analyse(ed.doc);
        expect(incremental).toEqual(fresh);
      }),
      { numRuns: 60 },
    );
  });
});
