import { urlOf } from '@/components/ui/api';
import { type Box, MAX_BOXES } from '@/engine/tasks/detection-boxes';
import { DEFAULT_DECODE, decodeGrid } from '@/engine/tasks/detection-decode';
import { BOX_CHANNELS } from '@/engine/tasks/detection-grid';
import * as trainingRoutes from '@/server/training/routes';

/**
 * Proposes boxes for images with a finished detection run's model (a TF.js model.json whose weights
 * are its run's weights.bin): each image is read as the PNG the labeller shows (the stored pixels),
 * scaled to 0–1 as training reads it, its predicted grid decoded the way the run pages decode it,
 * and the boxes scoring at least `minScore` kept (best first, at most MAX_BOXES). The user then
 * accepts or corrects them like drawn boxes. Images of another size (video frames) are stretched to
 * the model's input when `stretch` is set, as the upload stretches a detection dataset's images, so
 * the boxes' fractions of the image stay true.
 */
export async function proposeBoxes(
  runId: string,
  /** Each image's URL, or its bytes when they are at hand (video frames: the page's policy lets it fetch from itself only). */
  images: { index: number; url: string; blob?: Blob }[],
  classCount: number,
  minScore: number,
  onProgress: (done: number) => void,
  stretch = false,
): Promise<Record<number, Box[]>> {
  const tf = await import('@tensorflow/tfjs');
  await tf.ready();
  const model = await tf.loadLayersModel(urlOf(trainingRoutes.runModel, { params: { runId } }));
  const proposals: Record<number, Box[]> = {};
  try {
    const output = model.outputs[0]?.shape ?? [];
    const [rows, cols, channels] = [output[1], output[2], output[3]];
    if (typeof rows !== 'number' || typeof cols !== 'number' || typeof channels !== 'number' || output.length !== 4)
      throw new Error('This run’s model does not output a grid of boxes: pick a run of a detector.');
    if (channels - BOX_CHANNELS !== classCount)
      throw new Error(`This run’s model finds ${channels - BOX_CHANNELS} class(es); the dataset has ${classCount}.`);
    const input = (model.inputs[0]?.shape ?? []).slice(1) as number[];
    for (const [k, image] of images.entries()) {
      const blob = image.blob ?? (await (await fetch(image.url)).blob());
      const bitmap = await (stretch
        ? createImageBitmap(blob, { resizeWidth: input[1], resizeHeight: input[0], resizeQuality: 'high' })
        : createImageBitmap(blob));
      const grid = tf.tidy(() => {
        const pixels = tf.browser.fromPixels(bitmap, input[2] ?? 3);
        if (pixels.shape[0] !== input[0] || pixels.shape[1] !== input[1])
          throw new Error(`The model expects images of ${input[1]}×${input[0]} pixels; these are ${pixels.shape[1]}×${pixels.shape[0]}.`);
        return model.predict(pixels.toFloat().div(255).expandDims(0)) as import('@tensorflow/tfjs').Tensor;
      });
      bitmap.close();
      const values = (await grid.data()) as Float32Array;
      grid.dispose();
      proposals[image.index] = decodeGrid(tf, values, rows, cols, { ...DEFAULT_DECODE, minScore })
        .slice(0, MAX_BOXES)
        .map(({ classIndex, x, y, width, height }) => ({ classIndex, x, y, width, height }));
      onProgress(k + 1);
    }
  } finally {
    model.dispose();
  }
  return proposals;
}
