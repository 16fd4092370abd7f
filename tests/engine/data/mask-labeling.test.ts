import { describe, expect, it } from 'vitest';
import { classKeys } from '@/components/datasets/labeling-state';
import {
  currentMask,
  draftOf,
  hasUnsaved,
  labelledCount,
  type MaskLabelingAction,
  type MaskLabelingState,
  maskActionForKey,
  maskLabelingStep,
  pixelsPerClass,
  savePayload,
  startMaskLabeling,
} from '@/components/datasets/mask-labeling-state';
import { decodeMask } from '@/engine/data/mask-rle';

const SIZE = { width: 10, height: 10 };
const run = (state: MaskLabelingState, ...actions: MaskLabelingAction[]) => actions.reduce(maskLabelingStep, state);
const key = (k: string, shiftKey = false) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey });

/** Three images (sample indexes 5, 2, 8); image 8 already has a stored mask of class 2 on its top row. */
function start() {
  const stored = new Uint8Array(100);
  stored.fill(2, 0, 10);
  return run(startMaskLabeling(SIZE, ['background', 'cell', 'nucleus']), { type: 'load', queue: [5, 2, 8], stored: { 8: stored } });
}

describe('mask labelling state', () => {
  it('starts on the first object class with a brush sized to the image', () => {
    const s = start();
    expect(s.activeClass).toBe(1);
    expect(s.tool).toBe('brush');
    expect(s.brush).toBe(1);
    expect(labelledCount(s)).toBe(1);
    expect(hasUnsaved(s)).toBe(false);
    expect(currentMask(s).every((v) => v === 0)).toBe(true);
  });

  it('a stroke paints the chosen class, the eraser background, and one undo takes back a whole stroke', () => {
    let s = run(
      start(),
      { type: 'paint', from: { x: 1, y: 5 }, to: { x: 1, y: 5 }, startsStroke: true },
      { type: 'paint', from: { x: 1, y: 5 }, to: { x: 9, y: 5 }, startsStroke: false },
    );
    expect(pixelsPerClass(currentMask(s), 3)).toEqual([80, 20, 0]);
    expect(hasUnsaved(s)).toBe(true);
    s = run(s, { type: 'tool', tool: 'eraser' }, { type: 'paint', from: { x: 5, y: 5 }, to: { x: 5, y: 5 }, startsStroke: true });
    expect(pixelsPerClass(currentMask(s), 3)[1]).toBe(16);
    s = run(s, { type: 'undo' });
    expect(pixelsPerClass(currentMask(s), 3)[1]).toBe(20);
    s = run(s, { type: 'undo' });
    expect(pixelsPerClass(currentMask(s), 3)[1]).toBe(0);
    expect(run(s, { type: 'undo' }).notice).toBe('Nothing to undo on this image.');
  });

  it('fills a polygon of the chosen class once it has three corners, and a polygon left open is not painted', () => {
    let s = run(start(), { type: 'pickClass', cls: 2 }, { type: 'tool', tool: 'polygon' });
    s = run(s, { type: 'addCorner', point: { x: 0, y: 0 } }, { type: 'addCorner', point: { x: 4, y: 0 } });
    expect(run(s, { type: 'closePolygon' }).notice).toMatch(/at least three corners/);
    s = run(s, { type: 'addCorner', point: { x: 4, y: 4 } }, { type: 'addCorner', point: { x: 0, y: 4 } }, { type: 'closePolygon' });
    expect(s.polygon).toEqual([]);
    expect(pixelsPerClass(currentMask(s), 3)).toEqual([84, 0, 16]);
    // Brush strokes do nothing while the polygon tool is on; moving to another image drops an open polygon.
    s = run(
      s,
      { type: 'paint', from: { x: 8, y: 8 }, to: { x: 8, y: 8 }, startsStroke: true },
      { type: 'addCorner', point: { x: 9, y: 9 } },
    );
    expect(pixelsPerClass(currentMask(s), 3)[0]).toBe(84);
    expect(run(s, { type: 'next' }).polygon).toEqual([]);
  });

  it('copies the previous image’s mask, and saves only the changed images with the classes added', () => {
    let s = run(start(), { type: 'paint', from: { x: 2, y: 2 }, to: { x: 2, y: 2 }, startsStroke: true }, { type: 'next' });
    s = run(s, { type: 'copyPrevious' }, { type: 'addClass', name: 'membrane' }, { type: 'addClass', name: 'cell' });
    expect(s.notice).toBe('There is already a class "cell".');
    expect(s.activeClass).toBe(3);
    const payload = savePayload(s);
    expect(payload.addClasses).toEqual(['membrane']);
    expect(payload.masks.map((m) => m.index)).toEqual([2, 5]);
    for (const m of payload.masks) {
      const decoded = decodeMask(m.mask, 100);
      expect('pixels' in decoded && pixelsPerClass(decoded.pixels, 4)).toEqual([96, 4, 0, 0]);
    }
    // The stored mask of image 8 is not sent again.
    expect(run(s, { type: 'next' }).position).toBe(2);
    expect(run(start(), { type: 'copyPrevious' }).notice).toBe('The previous image has no mask to copy.');
  });

  it('a draft restores the painted masks and added classes after a reload', () => {
    const painted = run(
      start(),
      { type: 'paint', from: { x: 2, y: 2 }, to: { x: 2, y: 2 }, startsStroke: true },
      { type: 'addClass', name: 'membrane' },
    );
    const draft = JSON.parse(JSON.stringify(draftOf(painted)));
    const restored = run(start(), { type: 'restore', draft });
    expect(restored.classes).toEqual(['background', 'cell', 'nucleus', 'membrane']);
    expect(Array.from(currentMask(restored))).toEqual(Array.from(currentMask(painted)));
    expect(savePayload(restored)).toEqual(savePayload(painted));
    // A damaged draft entry is left out rather than painting garbage.
    expect(Object.keys(run(start(), { type: 'restore', draft: { masks: { 5: 'nonsense' }, addedClasses: [] } }).changed)).toEqual([]);
  });

  it('keys: classes, Shift+letters for tools, brackets for the brush, Enter and Escape for the polygon', () => {
    const keys = classKeys(['background', 'cell', 'nucleus']);
    expect(maskActionForKey(key('2'), keys)).toEqual({ type: 'pickClass', cls: 1 });
    expect(maskActionForKey(key('P', true), keys)).toEqual({ type: 'tool', tool: 'polygon' });
    expect(maskActionForKey(key('E', true), keys)).toEqual({ type: 'tool', tool: 'eraser' });
    expect(maskActionForKey(key(']'), keys)).toEqual({ type: 'resizeBrush', by: 1 });
    expect(maskActionForKey(key('Enter'), keys)).toEqual({ type: 'closePolygon' });
    expect(maskActionForKey(key('Escape'), keys)).toEqual({ type: 'cancelPolygon' });
    expect(maskActionForKey({ ...key('z'), ctrlKey: true }, keys)).toEqual({ type: 'undo' });
    expect(run(start(), { type: 'resizeBrush', by: -5 }).brush).toBe(0.5);
  });
});
