import type * as tfjs from '@tensorflow/tfjs';
import { fitImageTensor } from '../data/fit-images';
import type { Tf } from '../layers/spec';

/** How a dataset's samples are made into what the base network takes, or why they cannot be. */
export type InputFit = { ok: true; adapt: (tf: Tf, x: tfjs.Tensor) => tfjs.Tensor; note: string | null } | { ok: false; problem: string };

/**
 * Works out how samples of `sampleShape` (batch left out) feed a network whose input is
 * `inputShape`: as they are when the shapes agree; images resized (bilinear) and given the channels
 * the network wants (grey repeated to RGB, RGB averaged to grey) when both are images — so the
 * 28×28 digits can go through a 224×224×3 backbone.
 *
 * @example
 * fitInput([28, 28, 1], [224, 224, 3]).ok; // true: resized and repeated to three channels
 */
export function fitInput(sampleShape: readonly number[], inputShape: readonly (number | null)[]): InputFit {
  const wanted = inputShape.map((d) => d ?? -1);
  if (wanted.length === sampleShape.length && wanted.every((d, i) => d === -1 || d === sampleShape[i])) {
    return { ok: true, adapt: (_tf, x) => x, note: null };
  }
  const [h, w, c] = wanted as [number, number, number];
  const [sh, sw, sc] = sampleShape as [number, number, number];
  if (wanted.length !== 3 || sampleShape.length !== 3 || h < 1 || w < 1 || (c !== sc && c !== 1 && c !== 3) || (sc !== 1 && sc !== 3)) {
    return {
      ok: false,
      problem: `The base network takes samples of shape [${inputShape.map((d) => d ?? 'any').join(', ')}], but the dataset's samples are [${sampleShape.join(', ')}] and cannot be resized to it (only images can).`,
    };
  }
  const note = `${sh}×${sw}×${sc} images resized to ${h}×${w}${c !== sc ? ` and made ${c === 3 ? 'RGB' : 'grey'}` : ''}`;
  // Exactly as training fits images to a design's input, so a network sees what it learnt from.
  return { ok: true, note, adapt: (tf, x) => fitImageTensor(tf, x, { height: h, width: w, channels: c }) };
}
