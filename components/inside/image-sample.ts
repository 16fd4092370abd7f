import { imagePixels } from '@/components/ui/image-pixels';

/**
 * An image (an upload or a camera frame) as a network's input: drawn at the network's size,
 * grey levels (Rec. 709 luminance) for one channel or RGB for three, scaled 0–1 — as image
 * datasets are stored and trained on.
 */
export async function imageToSample(image: Blob, shape: number[]): Promise<Float32Array> {
  const [height, width, channels] = shape as [number, number, number];
  if (shape.length !== 3 || (channels !== 1 && channels !== 3)) {
    throw new Error(`This network takes inputs of shape [${shape.join(', ')}], not images: pick a sample of its dataset instead.`);
  }
  const { data } = await imagePixels(image, () => ({ width, height }));
  const sample = new Float32Array(height * width * channels);
  for (let p = 0; p < height * width; p++) {
    const r = (data[4 * p] as number) / 255;
    const g = (data[4 * p + 1] as number) / 255;
    const b = (data[4 * p + 2] as number) / 255;
    if (channels === 1) sample[p] = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    else sample.set([r, g, b], p * 3);
  }
  return sample;
}
