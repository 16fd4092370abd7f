import type { AugmentationConfig } from './augment';

/**
 * The geometric change augmentation drew for one image: flips, a rotation and a zoom about the
 * centre, then a shift (in pixels). Labels tied to places in the image (boxes, masks, points) follow
 * the picture through it: {@link movePoint} for coordinates, {@link resample} for masks.
 */
export interface ImageMove {
  height: number;
  width: number;
  flipX: boolean;
  flipY: boolean;
  /** Radians, counter-clockwise as the picture appears with y pointing down. */
  angle: number;
  scale: number;
  dx: number;
  dy: number;
}

/**
 * Draws one image's move from the settings. The draws are consumed in a fixed order (flips, angle,
 * zoom, shift), and only for the changes that are on, so a seed gives the same pictures as ever.
 */
export function drawMove(config: AugmentationConfig, height: number, width: number, random: () => number): ImageMove {
  return {
    height,
    width,
    flipX: config.flipHorizontal && random() < 0.5,
    flipY: config.flipVertical && random() < 0.5,
    angle: config.rotation > 0 ? (((random() * 2 - 1) * config.rotation) / 180) * Math.PI : 0,
    scale: config.zoom > 0 ? 1 + (random() * 2 - 1) * config.zoom : 1,
    dx: config.shift > 0 ? (random() * 2 - 1) * config.shift * width : 0,
    dy: config.shift > 0 ? (random() * 2 - 1) * config.shift * height : 0,
  };
}

/** True when the move leaves every pixel where it was. */
export function isStill(move: ImageMove): boolean {
  return !move.flipX && !move.flipY && move.angle === 0 && move.scale === 1 && move.dx === 0 && move.dy === 0;
}

/**
 * Where the point (x, y) of the original image lands in the moved one — the move {@link resample}
 * gives the pixels — for labels given as coordinates (box corners, key points).
 *
 * @example
 * const [x, y] = movePoint(move, box.x, box.y);
 */
export function movePoint(move: ImageMove, x: number, y: number): [number, number] {
  const cx = (move.width - 1) / 2;
  const cy = (move.height - 1) / 2;
  const cos = Math.cos(move.angle);
  const sin = Math.sin(move.angle);
  const rx = (move.flipX ? move.width - 1 - x : x) - cx;
  const ry = (move.flipY ? move.height - 1 - y : y) - cy;
  const ux = cos * rx - sin * ry;
  const uy = sin * rx + cos * ry;
  return [ux * move.scale + cx + move.dx, uy * move.scale + cy + move.dy];
}

/**
 * Resamples one image (height × width × channels, row by row) through a move into `dst`: bilinear
 * for pictures, nearest for masks of class indexes (which must not blend). Outside the picture: 0.
 */
export function resample(
  src: Float32Array,
  dst: Float32Array,
  move: ImageMove,
  channels: number,
  mode: 'bilinear' | 'nearest' = 'bilinear',
): void {
  if (isStill(move)) {
    dst.set(src);
    return;
  }
  const { height, width } = move;
  const at = (yy: number, xx: number, c: number) =>
    yy < 0 || yy >= height || xx < 0 || xx >= width ? 0 : (src[(yy * width + xx) * channels + c] as number);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const cos = Math.cos(move.angle);
  const sin = Math.sin(move.angle);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source of output pixel (x, y): undo the shift, the zoom and the rotation, then the flips.
      const ux = (x - cx - move.dx) / move.scale;
      const uy = (y - cy - move.dy) / move.scale;
      let sx = cos * ux + sin * uy + cx;
      let sy = -sin * ux + cos * uy + cy;
      if (move.flipX) sx = width - 1 - sx;
      if (move.flipY) sy = height - 1 - sy;
      if (mode === 'nearest') {
        const nx = Math.round(sx);
        const ny = Math.round(sy);
        for (let c = 0; c < channels; c++) dst[(y * width + x) * channels + c] = at(ny, nx, c);
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < channels; c++) {
        const top = at(y0, x0, c) * (1 - fx) + at(y0, x0 + 1, c) * fx;
        const bottom = at(y0 + 1, x0, c) * (1 - fx) + at(y0 + 1, x0 + 1, c) * fx;
        dst[(y * width + x) * channels + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
}
