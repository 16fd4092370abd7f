import type * as tfjs from '@tensorflow/tfjs';
import { fitImageTensor, type ImageSize } from '../data/fit-images';
import type { Tf } from '../layers/spec';
import type { GraphTensorInfo } from './graph-model-file';

/**
 * The value ranges a picture's pixels can be given in. NetCanvas's own image datasets are stored and
 * trained on 0–1, so that is the default; many converted models expect 0–255 (ImageNet-style
 * classifiers) or −1–1 (MobileNet-style), which their model card or source states.
 */
export const PIXEL_SCALINGS = {
  unit: { label: '0 to 1', scale: 1, offset: 0 },
  byte: { label: '0 to 255', scale: 255, offset: 0 },
  signed: { label: '−1 to 1', scale: 2, offset: -1 },
} as const;

export type PixelScaling = keyof typeof PIXEL_SCALINGS;

/** A picture as the browser decodes it: RGBA bytes, row by row. */
export interface Picture {
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
}

/** The largest side a picture is read at when the model leaves its input size open. */
export const OPEN_SIZE_LIMIT = 512;

/**
 * Whether an input takes pictures: batch × height × width × 1 or 3 channels. Returns the size to fit
 * a picture to; a height or width the model leaves open is `null` (the picture keeps its own).
 */
export function imageInputSize(input: GraphTensorInfo): { height: number | null; width: number | null; channels: 1 | 3 } | null {
  const shape = input.shape;
  if (shape?.length !== 4) return null;
  if (!input.dtype.startsWith('float') && input.dtype !== 'int32') return null;
  const [batch, height, width, channels] = shape;
  if (batch !== null && batch !== 1) return null;
  if (channels !== 1 && channels !== 3) return null;
  return { height: height ?? null, width: width ?? null, channels };
}

/**
 * A picture as the model's input tensor `[1, height, width, channels]`: fitted like the images of a
 * dataset (engine/data/fit-images.ts: bilinear resize, colour to grey by the mean) and scaled to the
 * chosen range. The caller disposes the tensor.
 *
 * @example
 * const x = pictureInput(tf, picture, { name: 'input_1', shape: [null, 64, 64, 1], dtype: 'float32' }, 'unit'); // [1, 64, 64, 1]
 */
export function pictureInput(tf: Tf, picture: Picture, input: GraphTensorInfo, scaling: PixelScaling): tfjs.Tensor4D {
  const size = imageInputSize(input);
  if (!size) throw new RangeError(`The input ${input.name} takes ${shapeText(input.shape)}, not a picture.`);
  const shrink = Math.min(1, OPEN_SIZE_LIMIT / Math.max(picture.width, picture.height));
  const to: ImageSize = {
    height: size.height ?? Math.max(1, Math.round(picture.height * shrink)),
    width: size.width ?? Math.max(1, Math.round(picture.width * shrink)),
    channels: size.channels,
  };
  const { scale, offset } = PIXEL_SCALINGS[scaling];
  return tf.tidy(() => {
    const rgb = new Float32Array(picture.width * picture.height * 3);
    for (let p = 0; p < picture.width * picture.height; p++) {
      rgb[p * 3] = (picture.rgba[p * 4] as number) / 255;
      rgb[p * 3 + 1] = (picture.rgba[p * 4 + 1] as number) / 255;
      rgb[p * 3 + 2] = (picture.rgba[p * 4 + 2] as number) / 255;
    }
    const fitted = fitImageTensor(tf, tf.tensor4d(rgb, [1, picture.height, picture.width, 3]), to);
    const scaled = tf.add(tf.mul(fitted, scale), offset) as tfjs.Tensor4D;
    return input.dtype === 'int32' ? tf.cast(tf.round(scaled), 'int32') : scaled;
  });
}

/**
 * Typed numbers as the model's input: as many as its shape holds (open sizes taken as 1), in row
 * order. A wrong count is an error naming both.
 */
export function valuesInput(tf: Tf, values: readonly number[], input: GraphTensorInfo): tfjs.Tensor {
  const shape = concreteShape(input.shape, values.length);
  const needed = shape.reduce((a, b) => a * b, 1);
  if (values.length !== needed) {
    throw new RangeError(
      `The input ${input.name} takes ${needed} number${needed === 1 ? '' : 's'} (${shapeText(input.shape)}), not ${values.length}.`,
    );
  }
  const dtype = input.dtype === 'int32' || input.dtype === 'bool' ? input.dtype : 'float32';
  return tf.tensor(dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values.map(Math.round)), shape, dtype);
}

/**
 * The shape a tensor for this input is made with: open sizes are 1, except that with an unknown
 * shape, or one open size besides the batch, `count` values fill it.
 */
export function concreteShape(shape: (number | null)[] | null, count?: number): number[] {
  if (!shape) return [1, count ?? 1];
  const open = shape.map((d, i) => (d === null && i > 0 ? i : -1)).filter((i) => i >= 0);
  const known = shape.reduce<number>((n, d) => n * (d ?? 1), 1);
  return shape.map((d, i) =>
    d !== null ? d : open.length === 1 && i === open[0] && count !== undefined ? Math.max(1, Math.round(count / known)) : 1,
  );
}

/** `[null, 64, 64, 1]` as `[?, 64, 64, 1]`. */
export function shapeText(shape: (number | null)[] | null): string {
  return shape ? `[${shape.map((d) => d ?? '?').join(', ')}]` : 'a tensor of any shape';
}
