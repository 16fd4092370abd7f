import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { greyDifference, greyOf, MAX_FRAMES, sampleTimes, samplingProblem } from '@/components/datasets/video/frame-sampling';
import { framesArchive } from '@/components/datasets/video/frames-archive';
import { frameFileName, frameRanges, framesCoco } from '@/components/datasets/video/frames-coco';
import { parseCoco } from '@/engine/data/annotations-coco';

describe('sampling a video', () => {
  it('gives the moments every so many seconds, or so many per second, before the end', () => {
    expect(sampleTimes(2, { mode: 'rate', perSecond: 2 })).toEqual([0, 0.5, 1, 1.5]);
    expect(sampleTimes(4.2, { mode: 'every', seconds: 1 })).toEqual([0, 1, 2, 3, 4]);
    expect(sampleTimes(1, { mode: 'every', seconds: 0.1 })).toHaveLength(10);
    expect(sampleTimes(1, { mode: 'every', seconds: 0.1 })[7]).toBe(0.7);
    // Scene changes are looked for every 0.2 s, less often in long videos.
    expect(sampleTimes(1, { mode: 'scenes', threshold: 0.1 })).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(sampleTimes(600, { mode: 'scenes', threshold: 0.1 })).toHaveLength(3000);
  });

  it('refuses what cannot be labelled, saying why', () => {
    expect(samplingProblem(Number.POSITIVE_INFINITY, { mode: 'every', seconds: 1 })).toMatch(/does not say how long/);
    expect(samplingProblem(601, { mode: 'every', seconds: 10 })).toBe(
      'This video is 10 min 1 s long; videos of at most 10 minutes can be labelled.',
    );
    expect(samplingProblem(60, { mode: 'rate', perSecond: 10 })).toBe(
      `This sampling gives 600 frames; at most ${MAX_FRAMES} can be labelled: sample less often.`,
    );
    expect(samplingProblem(60, { mode: 'every', seconds: 0 })).toMatch(/above 0/);
    expect(samplingProblem(60, { mode: 'rate', perSecond: 5 })).toBeNull();
    expect(samplingProblem(600, { mode: 'scenes', threshold: 0.2 })).toBeNull();
  });

  it('measures how much two grey frames differ, from 0 to 1', () => {
    const black = greyOf(new Uint8ClampedArray([0, 0, 0, 255, 0, 0, 0, 255]));
    const mixed = greyOf(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]));
    expect([...mixed]).toEqual([255, 0]);
    expect(greyDifference(black, black)).toBe(0);
    expect(greyDifference(black, mixed)).toBe(0.5);
    expect(greyDifference(black, new Uint8Array(3))).toBe(1);
  });
});

describe('the dataset of labelled frames', () => {
  const frames = [
    { name: 'frame-0001.jpg', width: 320, height: 180, boxes: [{ classIndex: 1, x: 0.0625, y: 0.375, width: 0.125, height: 0.25 }] },
    { name: 'frame-0002.jpg', width: 320, height: 180, boxes: [] },
  ];

  it('writes COCO boxes in pixels of the frame, categories from 1', () => {
    const coco = framesCoco(frames, ['person', 'square'], 'unlabelled');
    expect(coco).toEqual({
      images: [{ id: 1, file_name: 'frame-0001.jpg', width: 320, height: 180 }],
      annotations: [{ id: 1, image_id: 1, category_id: 2, bbox: [20, 67.5, 40, 45] }],
      categories: [
        { id: 1, name: 'person' },
        { id: 2, name: 'square' },
      ],
    });
    // Frames counted as showing nothing are named with no box.
    expect(framesCoco(frames, ['person', 'square'], 'empty').images.map((i) => i.file_name)).toEqual(['frame-0001.jpg', 'frame-0002.jpg']);
  });

  it('reads back through the upload’s COCO parser', () => {
    const parsed = parseCoco(JSON.stringify(framesCoco(frames, ['person', 'square'], 'unlabelled')), 'annotations.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.images[0]?.boxes).toEqual([{ className: 'square', x0: 20, y0: 67.5, x1: 60, y1: 112.5 }]);
  });

  it('zips the kept frames beside the annotation file', () => {
    const bytes = frames.map((f) => ({ ...f, bytes: new Uint8Array([1, 2, 3]) }));
    expect(Object.keys(unzipSync(framesArchive(bytes, ['person', 'square'], 'unlabelled'))).sort()).toEqual([
      'annotations.json',
      'frames/frame-0001.jpg',
      'frames/frame-0002.jpg',
    ]);
    expect(Object.keys(unzipSync(framesArchive(bytes, ['person', 'square'], 'omit'))).sort()).toEqual([
      'annotations.json',
      'frames/frame-0001.jpg',
    ]);
  });

  it('names the frames without boxes as the filmstrip numbers them', () => {
    expect(frameRanges([6, 2, 4, 5])).toBe('3, 5–7');
    expect(frameRanges([0])).toBe('1');
    expect(frameRanges([])).toBe('');
  });

  it('names frames so that they sort in time', () => {
    expect(frameFileName(0, 0, 'jpg')).toBe('frame-0001-0s00.jpg');
    expect(frameFileName(11, 5.5, 'png')).toBe('frame-0012-5s50.png');
  });
});
