import { describe, expect, it } from 'vitest';
import { FlowElementsBuilder, frameId, groupOfFrame } from '../../../components/editor/flow-elements';
import { nextSelection } from '../../../components/editor/selection-changes';
import { createEditorStore } from '../../../components/editor/store';
import { templateGraph } from '../../../engine/templates';

const lenet = () => createEditorStore({ doc: templateGraph('lenet5') });

describe('FlowElementsBuilder', () => {
  it('draws one layer node per layer and one shape edge per connection, with their views', () => {
    const store = lenet();
    const { nodes, edges } = new FlowElementsBuilder().build(store.getState());
    expect(nodes).toHaveLength(9);
    expect(edges).toHaveLength(8);
    const conv = nodes.find((n) => n.id === 'conv2d_1');
    expect(conv).toMatchObject({ type: 'layer', ariaLabel: 'Conv2D layer conv2d_1' });
    expect(edges.find((e) => e.id === 'conv2d_1->maxPooling2d_1')?.data?.view.label).toBe('(None, 28, 28, 6)');
  });

  it('keeps every untouched object, and the arrays, when only one layer moves', () => {
    const store = lenet();
    const builder = new FlowElementsBuilder();
    const before = builder.build(store.getState());
    expect(builder.build(store.getState())).toEqual(before);
    expect(builder.build(store.getState()).nodes).toBe(before.nodes);
    store.dispatch('moveNodes', { positions: { dense_1: { x: 400, y: 20 } }, gesture: 'g' });
    const after = builder.build(store.getState());
    expect(after.nodes).not.toBe(before.nodes);
    expect(after.edges).toBe(before.edges);
    const changed = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['dense_1']);
  });

  it('carries the size React Flow measured with each node', () => {
    const store = lenet();
    const builder = new FlowElementsBuilder();
    const first = builder.build(store.getState());
    expect(builder.measure('conv2d_1', { width: 220, height: 86 })).toBe(true);
    expect(builder.measure('conv2d_1', { width: 220, height: 86 })).toBe(false);
    const second = builder.build(store.getState());
    expect(second.nodes.find((n) => n.id === 'conv2d_1')?.measured).toEqual({ width: 220, height: 86 });
    expect(second.nodes.find((n) => n.id === 'dense_1')).toBe(first.nodes.find((n) => n.id === 'dense_1'));
  });

  it('draws a frame behind an expanded block and one box for a collapsed one, rerouting its connections', () => {
    const store = lenet();
    store.dispatch('selectNodes', { nodes: ['conv2d_2', 'maxPooling2d_2'] });
    const group = store.dispatch('group', { name: 'Features' });
    const id = group.ok ? (group.output as string) : '';
    const builder = new FlowElementsBuilder();
    const open = builder.build(store.getState());
    expect(open.nodes[0]).toMatchObject({ id: frameId(id), type: 'frame', zIndex: -1, selectable: false });
    expect(groupOfFrame(frameId(id))).toBe(id);
    store.dispatch('toggleGroupCollapsed', { groupId: id });
    const closed = builder.build(store.getState());
    expect(closed.nodes.map((n) => n.id)).not.toContain('conv2d_2');
    expect(closed.nodes.find((n) => n.id === id)).toMatchObject({ type: 'block', selected: true });
    expect(closed.edges.map((e) => [e.source, e.target])).toContainEqual(['maxPooling2d_1', id]);
    expect(closed.edges).toHaveLength(7);
  });
});

describe('nextSelection', () => {
  it('applies React Flow select changes and keeps unchanged selections as null', () => {
    const state = lenet().getState();
    const next = nextSelection(state, [{ id: 'dense_1', selected: true }], 'nodes');
    expect(next).toEqual({ nodes: ['dense_1'], edges: [] });
    expect(nextSelection(state, [{ id: 'dense_1', selected: false }], 'nodes')).toBeNull();
    expect(nextSelection(state, [{ id: 'input_1->conv2d_1', selected: true }], 'edges')).toEqual({
      nodes: [],
      edges: ['input_1->conv2d_1'],
    });
  });

  it('selects every layer of a collapsed block, and never a frame', () => {
    const store = lenet();
    store.dispatch('selectNodes', { nodes: ['dense_1', 'dense_2'] });
    const group = store.dispatch('group');
    const id = group.ok ? (group.output as string) : '';
    store.dispatch('clearSelection');
    expect(nextSelection(store.getState(), [{ id: frameId(id), selected: true }], 'nodes')).toBeNull();
    store.dispatch('toggleGroupCollapsed', { groupId: id });
    expect(nextSelection(store.getState(), [{ id, selected: true }], 'nodes')?.nodes).toEqual(['dense_1', 'dense_2']);
  });
});
