import { imagePixels } from '@/components/ui/image-pixels';
import type { Picture } from '@/engine/graph-model/graph-model-input';

/** The largest side a chosen picture is read at: a phone photo needs no more to be fitted to a model's input. */
const MAX_SIDE = 1024;

/** A chosen image file decoded to RGBA pixels, shrunk to at most 1024 pixels a side. */
export async function readPicture(image: Blob): Promise<Picture> {
  const { width, height, data } = await imagePixels(image, (w, h) => {
    const shrink = Math.min(1, MAX_SIDE / Math.max(w, h));
    return { width: Math.max(1, Math.round(w * shrink)), height: Math.max(1, Math.round(h * shrink)) };
  });
  return { width, height, rgba: new Uint8Array(data.buffer) };
}
