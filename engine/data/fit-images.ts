import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';
import type { Batch, BatchSource } from './batch-source';

/** The image size and channels a design's input takes. */
export interface ImageSize {
  height: number;
  width: number;
  /** 1 (grey) or 3 (colour). */
  channels: number;
}

/**
 * The size to fit a dataset's images to, when they are images (height × width × 1 or 3) that differ
 * from an image input of the design; null when nothing needs doing or it cannot be done (not
 * images, unknown sizes, channel counts other than 1 and 3).
 *
 * @example
 * imageFitFor([28, 28, 1], [224, 224, 3]) // { height: 224, width: 224, channels: 3 }
 */
export function imageFitFor(sampleShape: readonly number[], inputShape: readonly (number | null)[] | null): ImageSize | null {
  if (!inputShape || sampleShape.length !== 3 || inputShape.length !== 3) return null;
  const [height, width, channels] = inputShape;
  if (typeof height !== 'number' || typeof width !== 'number' || typeof channels !== 'number') return null;
  const fits = (c: number) => c === 1 || c === 3;
  if (!fits(channels) || !fits(sampleShape[2] as number)) return null;
  if (sampleShape[0] === height && sampleShape[1] === width && sampleShape[2] === channels) return null;
  return { height, width, channels };
}

/**
 * Resizes a batch of images (bilinear) and converts grey to colour (the one channel copied to
 * three) or colour to grey (the mean), keeping the value scale. Labels are passed on unchanged.
 */
export function fitImageBatch(tf: Tf, batch: Batch, from: readonly number[], to: ImageSize): Batch {
  const features = tf.tidy(() => {
    const x = tf.tensor4d(batch.features, [batch.size, from[0] as number, from[1] as number, from[2] as number]);
    return fitImageTensor(tf, x, to).dataSync() as Float32Array;
  });
  return { features: new Float32Array(features), labels: batch.labels, size: batch.size };
}

/**
 * The same for a batch already a tensor (batch × height × width × channels): what training does to
 * the images, so that prediction and feature extraction feed a network exactly what it learnt from.
 */
export function fitImageTensor(tf: Tf, x: tfjs.Tensor, to: ImageSize): tfjs.Tensor4D {
  return tf.tidy(() => {
    let out = x as tfjs.Tensor4D;
    const [, height, width, channels] = out.shape;
    if (height !== to.height || width !== to.width) out = tf.image.resizeBilinear(out, [to.height, to.width], true);
    if (channels === 1 && to.channels === 3) out = tf.tile(out, [1, 1, 1, 3]);
    else if (channels === 3 && to.channels === 1) out = tf.mean(out, 3, true);
    return out;
  });
}

/**
 * A batch source whose images come out at the size and channels a design takes — how a dataset of
 * small or grey images trains a pretrained colour backbone without changing the design (and so
 * keeping the backbone's weights). Only the features change; counts, labels and order stay.
 */
export function fitImagesSource(tf: Tf, source: BatchSource, to: ImageSize): BatchSource {
  const from = source.featureShape;
  return {
    name: source.name,
    task: source.task,
    featureShape: [to.height, to.width, to.channels],
    labelSize: source.labelSize,
    ...(source.classes ? { classes: source.classes } : {}),
    count: (split) => source.count(split),
    async *batches(split, options) {
      for await (const batch of source.batches(split, options)) yield fitImageBatch(tf, batch, from, to);
    },
  };
}
