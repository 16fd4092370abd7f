import { describe, expect, it } from 'vitest';
import { canConnect, validTargets } from '../../../components/editor/store/connection-rules';
import { TestEditor } from './test-editor';

function parts() {
  const ed = new TestEditor();
  const x = ed.add('input', { shape: [8] });
  const [a, b] = ed.chain(x, ['dense', { units: 8 }], ['dense', { units: 8 }]) as [string, string];
  return { ed, x, a, b };
}

describe('canConnect', () => {
  it('refuses self-loops and loops through the graph, naming the loop', () => {
    const { ed, x, a, b } = parts();
    expect(canConnect(ed.state, a, undefined, a, undefined)).toEqual({ ok: false, reason: 'A layer cannot feed itself.' });
    const loop = canConnect(ed.state, b, undefined, a, undefined);
    expect(loop).toEqual({ ok: false, reason: `This connection would make a loop: ${a} → ${b} → ${a}. Networks flow one way.` });
    expect(ed.refused('connect', { source: b, target: x })).toMatch(/nothing can connect into them/);
    expect(ed.doc.edges).toHaveLength(2);
  });

  it('refuses tensors of the wrong rank when the source shape is known, with the reason', () => {
    const { ed, a } = parts();
    const lstm = ed.add('lstm', { units: 4 });
    const flatten = ed.add('flatten');
    expect(ed.refused('connect', { source: a, target: lstm })).toBe(
      `LSTM takes inputs with 2 dimensions per sample, but ${a} gives (None, 8). Add a Reshape layer between them.`,
    );
    expect(ed.refused('connect', { source: a, target: flatten })).toBe(
      `Flatten takes inputs with at least 2 dimensions per sample, but ${a} gives (None, 8). Add a Reshape layer between them.`,
    );
    const image = ed.add('input', { shape: [8, 8, 3] });
    expect(ed.refused('connect', { source: image, target: lstm })).toMatch(/gives \(None, 8, 8, 3\)\. Add a Flatten or pooling layer/);
    ed.connect(image, flatten);
    ed.expectShapes({ [flatten]: '(None, 192)' });
  });

  it('allows any rank when the source shape is unknown', () => {
    const ed = new TestEditor();
    const d = ed.add('dense');
    const lstm = ed.add('lstm');
    expect(canConnect(ed.state, d, undefined, lstm, undefined).ok).toBe(true);
  });

  it('replaces the connection into an occupied single-input port', () => {
    const { ed, x, a, b } = parts();
    const check = canConnect(ed.state, x, undefined, b, undefined);
    expect(check).toEqual({ ok: true, targetHandle: undefined, replaces: [`${a}->${b}`] });
    ed.connect(x, b);
    expect(ed.doc.edges.filter((e) => e.target === b).map((e) => e.source)).toEqual([x]);
    expect(ed.refused('connect', { source: x, target: b })).toMatch(/already connected/);
    ed.undo();
    expect(ed.doc.edges.filter((e) => e.target === b).map((e) => e.source)).toEqual([a]);
  });

  it('gives merge layers the next free port, and replaces only the port dropped on', () => {
    const { ed, x, a, b } = parts();
    const add = ed.add('add');
    ed.connect(a, add);
    ed.connect(b, add);
    expect(ed.doc.edges.filter((e) => e.target === add).map((e) => e.targetHandle)).toEqual(['in:0', 'in:1']);
    ed.expectShapes({ [add]: '(None, 8)' });
    ed.connect(x, add, { targetHandle: 'in:0' });
    expect(ed.doc.edges.filter((e) => e.target === add).map((e) => `${e.source}@${e.targetHandle}`)).toEqual([`${b}@in:1`, `${x}@in:0`]);
    // The same source may feed two ports of a merge (x + x).
    ed.connect(x, add);
    expect(ed.doc.edges.filter((e) => e.target === add)).toHaveLength(3);
  });

  it('refuses ports the layers do not have', () => {
    const { ed, x, a } = parts();
    const dot = ed.add('dot', { axes: 1 });
    ed.connect(x, dot);
    ed.connect(a, dot);
    expect(ed.refused('connect', { source: x, target: dot })).toMatch(/Every input of dot_1 is connected/);
    expect(ed.refused('connect', { source: x, target: dot, targetHandle: 'in:2' })).toBe('dot_1 takes 2 inputs; it has no input 3.');
    expect(ed.refused('connect', { source: x, target: a, sourceHandle: 'out:1' })).toBe('input_1 has 1 output; it has no output 2.');
    expect(ed.refused('connect', { source: x, target: a, targetHandle: 'weird' })).toBe('"weird" is not an input port.');
    expect(ed.refused('connect', { source: 'ghost', target: a })).toBe('There is no layer "ghost".');
  });

  it('knows multi-output layers by their params (LSTM returning its states)', () => {
    const ed = new TestEditor();
    const x = ed.add('input', { shape: [10, 4] });
    const [lstm] = ed.chain(x, ['lstm', { units: 6, returnState: true }]) as [string];
    const d = ed.add('dense');
    expect(ed.connect(lstm, d, { sourceHandle: 'out:2' }).ok).toBe(true);
    ed.expectShapes({ [d]: '(None, 32)' });
    expect(ed.refused('connect', { source: lstm, target: d, sourceHandle: 'out:3' })).toMatch(/has 3 outputs; it has no output 4/);
  });
});

describe('validTargets', () => {
  it('lists every input port with whether a drag from an output may land there', () => {
    const { ed, x, a, b } = parts();
    const lstm = ed.add('lstm');
    const concat = ed.add('concatenate');
    const targets = validTargets(ed.state, a, 'out:0');
    const verdict = Object.fromEntries(targets.map((t) => [`${t.nodeId}@${t.handle}`, t.ok]));
    expect(verdict).toEqual({
      [`${b}@in:0`]: false, // already connected from a
      [`${lstm}@in:0`]: false, // rank: the sequence is (batch, steps, features)
      [`${lstm}@in:1`]: true, // the initial states are (batch, units)
      [`${lstm}@in:2`]: true,
      [`${concat}@in:0`]: true,
      [`${concat}@in:1`]: true,
    });
    expect(targets.some((t) => t.nodeId === x)).toBe(false); // Input has no input port
    const fromB = validTargets(ed.state, b);
    expect(fromB.find((t) => t.nodeId === a)).toMatchObject({ ok: false, reason: expect.stringMatching(/loop/) });
  });
});
