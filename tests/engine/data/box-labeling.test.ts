import { describe, expect, it } from 'vitest';
import {
  type BoxLabelingAction,
  type BoxLabelingState,
  boxActionForKey,
  boxLabelingStep,
  boxProblems,
  clampRect,
  currentBoxes,
  draftOf,
  hasUnsaved,
  labelledCount,
  savePayload,
  startBoxLabeling,
} from '@/components/datasets/box-labeling-state';
import { classKeys } from '@/components/datasets/labeling-state';
import { MAX_BOXES } from '@/engine/tasks/detection-boxes';

const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false });
const run = (state: BoxLabelingState, ...actions: BoxLabelingAction[]) => actions.reduce(boxLabelingStep, state);
const RACCOON = { classIndex: 0, x: 0.1, y: 0.2, width: 0.5, height: 0.6 };

/** Four images (sample indexes 7, 3, 9, 4); image 9 already has a stored box. */
const start = (classes = ['raccoon', 'dog']) => startBoxLabeling([7, 3, 9, 4], { 9: [RACCOON] }, classes);

describe('box labelling state', () => {
  it('draws a box of the chosen class, moves and resizes it, and removes the selected one', () => {
    let s = run(
      start(),
      { type: 'pickClass', cls: 1 },
      { type: 'draw', id: 'a', rect: { x: 0.125, y: 0.125, width: 0.375, height: 0.25 } },
    );
    expect(currentBoxes(s)).toEqual([{ id: 'a', classIndex: 1, x: 0.125, y: 0.125, width: 0.375, height: 0.25 }]);
    expect(s.selected).toBe('a');
    expect(s.changed).toEqual({ 7: true });
    s = run(s, { type: 'move', id: 'a', rect: { x: 0.5, y: 0.25, width: 0.25, height: 0.5 } });
    expect(currentBoxes(s)[0]).toMatchObject({ x: 0.5, y: 0.25, width: 0.25, height: 0.5, classIndex: 1 });
    // The selected box takes the class picked next.
    s = run(s, { type: 'pickClass', cls: 0 });
    expect(currentBoxes(s)[0]?.classIndex).toBe(0);
    s = run(s, { type: 'draw', id: 'b', rect: { x: 0, y: 0, width: 0.1, height: 0.1 } }, { type: 'select', id: 'a' }, { type: 'remove' });
    expect(currentBoxes(s).map((b) => b.id)).toEqual(['b']);
    expect(s.selected).toBeNull();
    // Removing with nothing selected does nothing.
    expect(run(s, { type: 'remove' })).toBe(s);
  });

  it('keeps boxes inside the image and ignores clicks that draw nothing', () => {
    expect(clampRect({ x: 0.8, y: -0.1, width: 0.5, height: 0.3 })).toEqual({
      x: 0.8,
      y: 0,
      width: expect.closeTo(0.2),
      height: expect.closeTo(0.2),
    });
    // A drag up and to the left gives the same box as one down and to the right.
    expect(clampRect({ x: 0.6, y: 0.7, width: -0.4, height: -0.5 })).toEqual({
      x: expect.closeTo(0.2),
      y: expect.closeTo(0.2),
      width: expect.closeTo(0.4),
      height: expect.closeTo(0.5),
    });
    const s = run(start(), { type: 'draw', id: 'dot', rect: { x: 0.5, y: 0.5, width: 0.001, height: 0.3 } });
    expect(currentBoxes(s)).toEqual([]);
    expect(hasUnsaved(s)).toBe(false);
    // A move that would leave no area is refused in words and the box stays.
    const drawn = run(start(), { type: 'draw', id: 'a', rect: { x: 0.1, y: 0.1, width: 0.3, height: 0.3 } });
    const flat = run(drawn, { type: 'move', id: 'a', rect: { x: 0.2, y: 0.2, width: 0.3, height: 0 } });
    expect(currentBoxes(flat)[0]).toMatchObject({ x: 0.1, width: expect.closeTo(0.3), height: expect.closeTo(0.3) });
    expect(flat.notice).toMatch(/width and a height/);
  });

  it('refuses to draw without a class or past the most boxes an image holds', () => {
    const none = run(start([]), { type: 'draw', id: 'a', rect: { x: 0, y: 0, width: 0.5, height: 0.5 } });
    expect(currentBoxes(none)).toEqual([]);
    expect(none.notice).toBe('Add a class before drawing boxes.');
    let s = start();
    for (let k = 0; k < MAX_BOXES + 2; k++) s = run(s, { type: 'draw', id: `b${k}x`, rect: { x: 0, y: 0, width: 0.5, height: 0.5 } });
    expect(currentBoxes(s)).toHaveLength(MAX_BOXES);
    expect(s.notice).toBe(`An image holds at most ${MAX_BOXES} boxes.`);
  });

  it('copies the previous image’s boxes with new ids, and says so when there is nothing to copy', () => {
    const first = run(start(), { type: 'copyPrevious' });
    expect(first.notice).toBe('This is the first image: nothing to copy.');
    const empty = run(start(), { type: 'next' }, { type: 'copyPrevious' });
    expect(empty.notice).toBe('The previous image has no boxes to copy.');
    // Image 9 (third) has a stored box; copy it onto image 4.
    const s = run(start(), { type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'copyPrevious' });
    const copied = currentBoxes(s);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject(RACCOON);
    expect(copied[0]?.id).not.toBe(s.boxes[9]?.[0]?.id);
    expect(s.changed).toEqual({ 4: true });
    expect(labelledCount(s)).toBe(2);
  });

  it('adds classes once, and saves only changed images, removed boxes as null', () => {
    let s = run(start(['raccoon']), { type: 'addClass', name: ' dog ' }, { type: 'addClass', name: 'dog' });
    expect(s.classes).toEqual(['raccoon', 'dog']);
    expect(s.notice).toBe('"dog" is already a class: it is now the one drawn.');
    expect(s.activeClass).toBe(1);
    s = run(s, { type: 'draw', id: 'a', rect: { x: 0.125, y: 0.125, width: 0.25, height: 0.25 } }, { type: 'next' }, { type: 'next' });
    // Image 9's stored box removed: it goes back to unlabelled.
    const stored = currentBoxes(s)[0]?.id as string;
    s = run(s, { type: 'remove', id: stored });
    expect(savePayload(s)).toEqual({
      addClasses: ['dog'],
      boxes: [
        { index: 7, boxes: [{ classIndex: 1, x: 0.125, y: 0.125, width: 0.25, height: 0.25 }] },
        { index: 9, boxes: null },
      ],
    });
  });

  it('keeps a draft that restores onto freshly loaded boxes', () => {
    const s = run(
      start(['raccoon']),
      { type: 'addClass', name: 'dog' },
      { type: 'draw', id: 'a', rect: { x: 0.125, y: 0.125, width: 0.25, height: 0.25 } },
    );
    const draft = JSON.parse(JSON.stringify(draftOf(s)));
    const again = run(start(['raccoon']), { type: 'restore', draft });
    expect(again.classes).toEqual(['raccoon', 'dog']);
    expect(savePayload(again)).toEqual(savePayload(s));
    // Boxes for images no longer in the version are dropped.
    const stale = run(start(), { type: 'restore', draft: { boxes: { 999: [RACCOON] }, addedClasses: [] } });
    expect(stale.changed).toEqual({});
  });

  it('gives a model’s proposed boxes only to images without any, dropping unknown classes', () => {
    const drawn = run(start(), { type: 'draw', id: 'a', rect: { x: 0.125, y: 0.125, width: 0.25, height: 0.25 } });
    const s = run(drawn, {
      type: 'propose',
      boxes: {
        7: [RACCOON],
        3: [
          { ...RACCOON, classIndex: 1 },
          { ...RACCOON, classIndex: 4 },
        ],
        9: [{ ...RACCOON, x: 0 }],
        4: [{ ...RACCOON, classIndex: 9 }],
      },
    });
    expect(s.boxes[7]?.map((b) => b.id)).toEqual(['a']);
    expect(s.boxes[3]).toEqual([{ ...RACCOON, classIndex: 1, id: expect.any(String) }]);
    expect(s.boxes[9]).toEqual(drawn.boxes[9]);
    expect(s.boxes[4]).toEqual([]);
    expect(s.notice).toBe('Boxes proposed for 1 image(s): check and correct them, then save.');
    expect(savePayload(s).boxes.map((b) => b.index)).toEqual([3, 7]);
  });

  it('names the image of every box that cannot be saved', () => {
    const s: BoxLabelingState = {
      ...start(),
      boxes: {
        7: [{ id: 'a', classIndex: 5, x: 0.1, y: 0.1, width: 0.2, height: 0.2 }],
        3: [{ id: 'b', classIndex: 0, x: 0.9, y: 0, width: 0.3, height: 0.2 }],
      },
      changed: { 7: true, 3: true },
    };
    expect(boxProblems(s, (i) => (i === 7 ? 'raccoons/r-7.jpg' : null))).toEqual([
      { index: 3, message: 'Sample 3, box 1: the box goes outside the image.' },
      { index: 7, message: 'Image "raccoons/r-7.jpg", box 1: class 5 is not one of the 2 class(es).' },
    ]);
    expect(boxProblems(run(start(), { type: 'draw', id: 'a', rect: { x: 0, y: 0, width: 1, height: 1 } }), () => null)).toEqual([]);
  });

  it('turns keys into actions: class keys, Delete and Backspace, arrows, Escape', () => {
    const keys = classKeys(['raccoon', 'dog']);
    expect(boxActionForKey(key('2'), keys)).toEqual({ type: 'pickClass', cls: 1 });
    expect(boxActionForKey(key('Delete'), keys)).toEqual({ type: 'remove' });
    expect(boxActionForKey(key('Backspace'), keys)).toEqual({ type: 'remove' });
    expect(boxActionForKey(key('ArrowRight'), keys)).toEqual({ type: 'next' });
    expect(boxActionForKey(key('ArrowLeft'), keys)).toEqual({ type: 'previous' });
    expect(boxActionForKey(key('Escape'), keys)).toEqual({ type: 'select', id: null });
    expect(boxActionForKey(key('7'), keys)).toBeNull();
    expect(boxActionForKey({ ...key('2'), ctrlKey: true }, keys)).toBeNull();
  });
});
