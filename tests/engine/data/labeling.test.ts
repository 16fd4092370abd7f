import { describe, expect, it } from 'vitest';
import { actionForKey, classForKey, classKeys, labelingStep, startLabeling } from '@/components/datasets/labeling-state';
import { uploadProgress, uploadStep } from '@/components/datasets/upload-lifecycle';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('labelling by keyboard', () => {
  it('hands out 1–9, 0, then letters by order to classes whose names are not keys', () => {
    const names = Array.from({ length: 12 }, (_, i) => `class ${i}`);
    const keys = classKeys(names);
    expect([0, 8, 9, 10, 11].map((i) => keys[i])).toEqual(['1', '9', '0', 'a', 'b']);
    expect(classForKey('1', keys)).toBe(0);
    expect(classForKey('0', keys)).toBe(9);
    expect(classForKey('0', keys.slice(0, 9))).toBeNull();
    expect(classForKey('b', keys)).toBe(11);
    expect(classForKey('x', keys)).toBeNull();
    expect(classKeys(Array.from({ length: 40 }, (_, i) => `c${i}`)).slice(35)).toEqual(['z', null, null, null, null]);
    const three = classKeys(['a cat', 'a dog', 'a bird']);
    expect(actionForKey(key('z', { ctrlKey: true }), three)).toEqual({ type: 'undo' });
    expect(actionForKey(key('Backspace'), three)).toEqual({ type: 'undo' });
    expect(actionForKey(key('ArrowRight'), three)).toEqual({ type: 'next' });
    expect(actionForKey(key('2', { altKey: true }), three)).toBeNull();
    expect(actionForKey(key('2'), three)).toEqual({ type: 'assign', cls: 1 });
  });

  it('gives a class whose name is a key that key: digit classes are typed as themselves', () => {
    const digits = classKeys(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(digits).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(actionForKey(key('1'), digits)).toEqual({ type: 'assign', cls: 1 });
    expect(actionForKey(key('0'), digits)).toEqual({ type: 'assign', cls: 0 });
    // Mixed: named keys are kept, the others take the free keys in order.
    expect(classKeys(['2', 'cat', 'B', 'dog'])).toEqual(['2', '1', 'b', '3']);
    expect(actionForKey(key('B'), classKeys(['2', 'cat', 'B', 'dog']))).toEqual({ type: 'assign', cls: 2 });
  });

  it('assigns and moves on to the next image without a class; undo restores label and position', () => {
    let s = labelingStep(startLabeling([]), { type: 'load', queue: [10, 11, 12, 13] });
    s = labelingStep(s, { type: 'assign', cls: 2 });
    expect(s).toMatchObject({ position: 1, assigned: { 10: 2 } });
    s = labelingStep(s, { type: 'next' });
    s = labelingStep(s, { type: 'assign', cls: 0 });
    expect(s).toMatchObject({ position: 3, assigned: { 10: 2, 12: 0 } });
    s = labelingStep(s, { type: 'previous' });
    s = labelingStep(s, { type: 'previous' });
    expect(s.position).toBe(1);
    s = labelingStep(s, { type: 'assign', cls: 1 });
    expect(s.position).toBe(3);
    s = labelingStep(s, { type: 'undo' });
    expect(s).toMatchObject({ position: 1, assigned: { 10: 2, 12: 0 } });
    s = labelingStep(s, { type: 'undo' });
    s = labelingStep(s, { type: 'undo' });
    expect(s).toMatchObject({ position: 0, assigned: {} });
    expect(labelingStep(s, { type: 'undo' })).toBe(s);
  });

  it('relabelling keeps the previous class for undo; accepting many proposals undoes one by one', () => {
    let s = labelingStep(startLabeling([1, 2]), { type: 'assign', cls: 0 });
    s = labelingStep(s, { type: 'previous' });
    s = labelingStep(s, { type: 'assign', cls: 3 });
    expect(s.assigned).toEqual({ 1: 3 });
    s = labelingStep(s, { type: 'undo' });
    expect(s.assigned).toEqual({ 1: 0 });
    s = labelingStep(s, { type: 'assignMany', labels: { 2: 4 } });
    expect(s.assigned).toEqual({ 1: 0, 2: 4 });
    expect(labelingStep(s, { type: 'undo' }).assigned).toEqual({ 1: 0 });
  });
});

describe('upload lifecycle', () => {
  it('moves through packing, uploading, processing, done or failed, with a progress fraction', () => {
    let s = uploadStep({ phase: 'idle' }, { type: 'pack', done: 5, total: 10 });
    expect(uploadProgress(s)).toBe(0.5);
    s = uploadStep(s, { type: 'sent', sent: 25, total: 100 });
    expect(s).toEqual({ phase: 'uploading', sent: 25, total: 100 });
    s = uploadStep(s, { type: 'sent', sent: 100, total: 100 });
    expect(s.phase).toBe('processing');
    expect(uploadProgress(s)).toBe(1);
    const report = { read: 1, kept: 1, skipped: [], skippedCount: 0, notes: [] };
    expect(uploadStep(s, { type: 'done', datasetId: 'd', report })).toEqual({ phase: 'done', datasetId: 'd', report });
    expect(uploadStep(s, { type: 'failed', message: 'no' })).toEqual({ phase: 'failed', message: 'no', problems: [] });
    expect(uploadProgress(uploadStep(s, { type: 'reset' }))).toBeNull();
  });
});
