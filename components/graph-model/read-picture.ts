import type { Picture } from '@/engine/graph-model/graph-model-input';

/** The largest side a chosen picture is read at: a phone photo needs no more to be fitted to a model's input. */
const MAX_SIDE = 1024;

/** A chosen image file decoded to RGBA pixels, shrunk to at most 1024 pixels a side. */
export async function readPicture(image: Blob): Promise<Picture> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new Error('This file is not an image the browser can read (PNG, JPEG, GIF, WebP or BMP).');
  }
  const shrink = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * shrink));
  const height = Math.max(1, Math.round(bitmap.height * shrink));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('The browser could not draw the image.');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const { data } = context.getImageData(0, 0, width, height);
  return { width, height, rgba: new Uint8Array(data.buffer) };
}
