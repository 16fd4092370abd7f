import { strToU8, type Zippable, zipSync } from 'fflate';
import { type EmptyFrames, type FrameForDataset, framesCoco, framesKept } from './frames-coco';

/**
 * The zip the upload wizard's image route reads as a detection dataset: the kept frames (already
 * compressed pictures, so stored as they are) under `frames/`, and `annotations.json` in COCO form.
 */
export function framesArchive(
  frames: readonly (FrameForDataset & { bytes: Uint8Array })[],
  classes: readonly string[],
  emptyFrames: EmptyFrames,
): Uint8Array {
  const kept = framesKept(frames, emptyFrames);
  const files: Zippable = {};
  for (const frame of kept) files[`frames/${frame.name}`] = [frame.bytes, { level: 0 }];
  files['annotations.json'] = strToU8(JSON.stringify(framesCoco(kept, classes, emptyFrames)));
  return zipSync(files);
}
