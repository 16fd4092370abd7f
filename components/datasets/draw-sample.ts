/** Colours of mask classes over a picture; class 0 (background) stays clear. */
export const MASK_COLOURS: readonly [number, number, number][] = [
  [0, 0, 0],
  [230, 25, 75],
  [60, 180, 75],
  [0, 130, 200],
  [245, 130, 48],
  [145, 30, 180],
  [70, 240, 240],
  [240, 50, 230],
];

/** The colour of mask class `cls` (> 0): the colours in turn, never the background's black. */
export function maskColour(cls: number): [number, number, number] {
  return MASK_COLOURS[1 + ((cls - 1) % (MASK_COLOURS.length - 1))] as [number, number, number];
}

/** Paints a mask on a canvas of its own size in the class colours, the background left clear. */
export function paintMaskOverlay(canvas: HTMLCanvasElement, mask: ArrayLike<number>, width: number, height: number): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    const cls = mask[p] as number;
    if (cls > 0) image.data.set([...maskColour(cls), 255], p * 4);
  }
  context.putImageData(image, 0, 0);
}

export interface DrawOptions {
  /** A class per pixel, laid over the picture in the class colours. */
  mask?: ArrayLike<number>;
  /** How strongly the mask colours cover the picture, 0–1. */
  opacity?: number;
  /** Stretch the values' own range to black–white (for features that are not 0–1). */
  stretch?: boolean;
}

/** Draws one image sample (values 0–1 unless stretched, [h, w, c]) onto a canvas, with its mask if given. */
export function drawSample(
  canvas: HTMLCanvasElement | null,
  values: ArrayLike<number>,
  shape: number[],
  { mask, opacity = 0.55, stretch = false }: DrawOptions = {},
) {
  if (!canvas) return;
  const [height = 1, width = 1, channels = 1] = shape;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  let min = 0;
  let max = 1;
  if (stretch) {
    min = Number.POSITIVE_INFINITY;
    max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const scale = max > min ? 255 / (max - min) : 0;
  const image = context.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    const cls = mask?.[p] ?? 0;
    const colour = cls > 0 ? maskColour(cls) : undefined;
    for (let k = 0; k < 3; k++) {
      const v = ((values[p * channels + (channels === 1 ? 0 : k)] ?? 0) - min) * scale;
      image.data[p * 4 + k] = Math.round(colour ? v * (1 - opacity) + (colour[k] as number) * opacity : v);
    }
    image.data[p * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
