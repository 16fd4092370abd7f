import { describe, expect, it } from 'vitest';
import { ConnectionHintStore, connectionHints } from '../../../components/editor/connection-hints';
import { createEditorStore } from '../../../components/editor/store';
import { templateGraph } from '../../../engine/templates';

describe('connection hints', () => {
  const state = createEditorStore({ doc: templateGraph('lenet5') }).getState();

  it('from an output: loops and wrong ranks are refused, other inputs are fine', () => {
    const hints = connectionHints(state, { nodeId: 'conv2d_2', handleId: 'out:0', handleType: 'source' });
    expect(hints.get('conv2d_1')?.get('in:0')).toMatchObject({ ok: false, reason: expect.stringMatching(/loop/) });
    expect(hints.get('dense_3')?.get('in:0')).toEqual({ ok: true });
    expect(hints.get('conv2d_2')).toBeUndefined();
  });

  it('from an input: the outputs that could feed it', () => {
    const hints = connectionHints(state, { nodeId: 'conv2d_2', handleId: 'in:0', handleType: 'target' });
    expect(hints.get('conv2d_1')?.get('out:0')).toEqual({ ok: true });
    expect(hints.get('maxPooling2d_1')?.get('out:0')).toMatchObject({ ok: false, reason: expect.stringMatching(/already connected/) });
    expect(hints.get('dense_1')?.get('out:0')).toMatchObject({ ok: false, reason: expect.stringMatching(/loop/) });
  });

  it('is held in a small store that wakes its subscribers only on change', () => {
    const store = new ConnectionHintStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    expect(store.forNode('x')).toBeNull();
    const hints = connectionHints(state, { nodeId: 'input_1', handleId: 'out:0', handleType: 'source' });
    store.set(hints);
    store.set(hints);
    expect(calls).toBe(1);
    expect(store.active()).toBe(true);
    expect(store.forNode('dense_1')?.get('in:0')?.ok).toBe(true);
    expect(store.forNode('conv2d_1')?.get('in:0')?.reason).toMatch(/already connected/);
    store.set(null);
    stop();
    store.set(hints);
    expect(calls).toBe(2);
  });
});
