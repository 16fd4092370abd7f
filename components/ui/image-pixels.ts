/**
 * An image file (an upload, a camera frame) decoded by the browser and drawn at a size chosen from
 * its own: RGBA pixels, row by row. A file the browser cannot decode is a plain-language error.
 *
 * @example
 * const { data } = await imagePixels(file, () => ({ width: 28, height: 28 }));
 */
export async function imagePixels(
  image: Blob,
  size: (width: number, height: number) => { width: number; height: number },
): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new Error('This file is not an image the browser can read (PNG, JPEG, GIF, WebP or BMP).');
  }
  const { width, height } = size(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('The browser could not draw the image.');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { width, height, data: context.getImageData(0, 0, width, height).data };
}
