import { describe, expect, it } from 'vitest';
import { nodeView } from '../../../components/editor/store';
import { currentClassCount } from '../../../components/editor/store/selectors/head-defaults';
import { templateGraph } from '../../../engine/templates';
import { TestEditor } from './test-editor';

/** LeNet-5: input → conv → pool → conv → pool → flatten → dense → dense → dense(10). */
const lenet = () => new TestEditor({ doc: templateGraph('lenet5') });

describe('transfer learning in the editor', () => {
  it('cuts after the selected layer in one undoable step', () => {
    const ed = lenet();
    const before = ed.doc;
    ed.select('maxPooling2d_2');
    ed.must('cutAfter');
    expect(ed.doc.nodes.map((n) => n.id)).toEqual(['input_1', 'conv2d_1', 'maxPooling2d_1', 'conv2d_2', 'maxPooling2d_2']);
    expect(ed.state.history.undoLabel).toBe('Cut after this layer');
    ed.undo();
    expect(ed.doc).toEqual(before);
    expect(ed.refused('cutAfter', { nodeId: 'ghost' })).toMatch(/Select the last layer to keep/);
  });

  it('replaces the head for the chosen classes, starting from the current class count', () => {
    const ed = lenet();
    expect(currentClassCount(ed.state)).toBe(10);
    const before = ed.doc;
    const added = ed.must('replaceHead', { classes: 3, dropout: 0.2 });
    expect(added).toEqual(['dropout_1', 'dense_4']);
    expect(ed.doc.nodes.map((n) => n.id)).toEqual([
      'input_1',
      'conv2d_1',
      'maxPooling2d_1',
      'conv2d_2',
      'maxPooling2d_2',
      'flatten_1',
      'dropout_1',
      'dense_4',
    ]);
    expect(ed.shape('dense_4')).toBe('(None, 3)');
    expect(ed.selected).toEqual(['dense_4']);
    expect(currentClassCount(ed.state)).toBe(3);
    ed.undo();
    expect(ed.doc).toEqual(before);
    ed.redo();
    expect(ed.shape('dense_4')).toBe('(None, 3)');
    // After a feature map the head starts with global average pooling.
    ed.undo();
    ed.must('replaceHead', { after: 'conv2d_2', classes: 4 });
    expect(ed.shape('globalAveragePooling2d_1')).toBe('(None, 16)');
    expect(ed.refused('replaceHead', { classes: 1 })).toMatch(/at least 2/);
  });

  it('freezes up to a layer and a whole block, shown on the nodes and in the trainable totals', () => {
    const ed = lenet();
    const total = ed.state.analysis.totals.trainableParams;
    ed.select('flatten_1');
    ed.must('freezeUpTo');
    expect(ed.state.history.undoLabel).toBe('Freeze everything up to here');
    const frozen = ed.doc.nodes.filter((n) => n.trainable === false).map((n) => n.id);
    expect(frozen).toEqual(['input_1', 'conv2d_1', 'maxPooling2d_1', 'conv2d_2', 'maxPooling2d_2', 'flatten_1']);
    expect(nodeView(ed.state, 'conv2d_2')?.trainable).toBe(false);
    expect(nodeView(ed.state, 'dense_1')?.trainable).toBe(true);
    const convParams = (id: string) => ed.result(id).paramCount;
    expect(ed.state.analysis.totals.trainableParams).toBe(total - 156 - 2416);
    expect(convParams('conv2d_1')).toEqual({ trainable: 0, nonTrainable: 156 });

    ed.select('dense_1', 'dense_2');
    ed.must('group', { name: 'Classifier' });
    const groupId = ed.doc.groups?.[0]?.id as string;
    ed.must('setTrainable', { groupId, trainable: false });
    expect(ed.node('dense_1').trainable).toBe(false);
    expect(ed.node('dense_2').trainable).toBe(false);
    expect(ed.node('dense_3').trainable).toBeUndefined();
    ed.undo();
    expect(ed.node('dense_1').trainable).toBeUndefined();
    ed.undo(2);
    expect(ed.doc.nodes.every((n) => n.trainable === undefined)).toBe(true);
    expect(ed.state.analysis.totals.trainableParams).toBe(total);
  });
});
