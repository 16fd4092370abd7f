import type { Box } from '@/engine/tasks/detection-boxes';

/** One labelled frame as the dataset gets it: its file name in the archive, its size in pixels, its boxes. */
export interface FrameForDataset {
  name: string;
  width: number;
  height: number;
  boxes: readonly Box[];
}

/**
 * What becomes of frames without any box: `unlabelled` keeps them as images waiting for boxes (the
 * annotation file does not name them), `empty` stores them as showing nothing to find (named, with
 * no box), `omit` leaves them out of the dataset.
 */
export type EmptyFrames = 'unlabelled' | 'empty' | 'omit';

/** The COCO detection file's parts the upload reads. */
export interface CocoFile {
  images: { id: number; file_name: string; width: number; height: number }[];
  annotations: { id: number; image_id: number; category_id: number; bbox: [number, number, number, number] }[];
  categories: { id: number; name: string }[];
}

/**
 * The COCO annotation file of the labelled frames: boxes as `[left, top, width, height]` in pixels
 * of the frame (the fractions the labeller keeps, times the frame's size), categories numbered from
 * 1 in the classes' order. Frames without boxes are listed only when they count as `empty`.
 *
 * @example
 * framesCoco([{ name: 'frame-0001.jpg', width: 320, height: 180, boxes }], ['car'], 'unlabelled');
 */
export function framesCoco(frames: readonly FrameForDataset[], classes: readonly string[], emptyFrames: EmptyFrames): CocoFile {
  const coco: CocoFile = { images: [], annotations: [], categories: classes.map((name, i) => ({ id: i + 1, name })) };
  for (const frame of frames) {
    if (frame.boxes.length === 0 && emptyFrames !== 'empty') continue;
    const id = coco.images.length + 1;
    coco.images.push({ id, file_name: frame.name, width: frame.width, height: frame.height });
    for (const box of frame.boxes) {
      coco.annotations.push({
        id: coco.annotations.length + 1,
        image_id: id,
        category_id: box.classIndex + 1,
        bbox: [box.x * frame.width, box.y * frame.height, box.width * frame.width, box.height * frame.height],
      });
    }
  }
  return coco;
}

/** The frames that go into the archive: all of them, or only those with boxes when the others are left out. */
export function framesKept<F extends { boxes: readonly Box[] }>(frames: readonly F[], emptyFrames: EmptyFrames): F[] {
  return emptyFrames === 'omit' ? frames.filter((f) => f.boxes.length > 0) : [...frames];
}

/** A frame's file name in the archive: its place in the video, so that names sort in time. */
export function frameFileName(position: number, time: number, extension: string): string {
  return `frame-${String(position + 1).padStart(4, '0')}-${time.toFixed(2).replace('.', 's')}.${extension}`;
}

/**
 * Frame positions as the filmstrip numbers them (from 1), runs shortened: "3, 5–7".
 *
 * @example
 * frameRanges([2, 4, 5, 6]); // "3, 5–7"
 */
export function frameRanges(positions: readonly number[]): string {
  const parts: string[] = [];
  let start = -1;
  let last = -2;
  const close = () => start >= 0 && parts.push(start === last ? `${start + 1}` : `${start + 1}–${last + 1}`);
  for (const p of [...positions].sort((a, b) => a - b)) {
    if (p !== last + 1) {
      close();
      start = p;
    }
    last = p;
  }
  close();
  return parts.join(', ');
}
