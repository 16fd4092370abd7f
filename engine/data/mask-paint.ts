/**
 * Painting on a segmentation mask (a class index per pixel, `width` × `height`, row by row) in
 * mask pixels: a brush stroke as discs along a segment, and a filled polygon. A pixel is painted
 * when its centre is inside the shape, so what is stored is exactly the classes the user painted,
 * never the blended edge colours a canvas would give.
 */

export interface MaskSize {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Paints every pixel whose centre is within `radius` of the segment from `a` to `b`. */
export function paintStroke(mask: Uint8Array, size: MaskSize, a: Point, b: Point, radius: number, value: number): void {
  const r = Math.max(radius, 0.5);
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - r));
  const x1 = Math.min(size.width - 1, Math.ceil(Math.max(a.x, b.x) + r));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - r));
  const y1 = Math.min(size.height - 1, Math.ceil(Math.max(a.y, b.y) + r));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // The nearest point of the segment to the pixel's centre.
      const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / length2));
      const ex = px - (a.x + t * dx);
      const ey = py - (a.y + t * dy);
      if (ex * ex + ey * ey <= r * r) mask[y * size.width + x] = value;
    }
  }
}

/** Paints every pixel whose centre is inside the polygon (even-odd rule), scanning row by row. */
export function fillPolygon(mask: Uint8Array, size: MaskSize, points: readonly Point[], value: number): void {
  if (points.length < 3) return;
  for (let y = 0; y < size.height; y++) {
    const py = y + 0.5;
    const crossings: number[] = [];
    for (let i = 0; i < points.length; i++) {
      const p = points[i] as Point;
      const q = points[(i + 1) % points.length] as Point;
      // Half-open in y, so a vertex on the scan line is counted once.
      if (p.y <= py === q.y <= py) continue;
      crossings.push(p.x + ((py - p.y) / (q.y - p.y)) * (q.x - p.x));
    }
    crossings.sort((u, v) => u - v);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil((crossings[k] as number) - 0.5));
      const to = Math.min(size.width - 1, Math.floor((crossings[k + 1] as number) - 0.5));
      for (let x = from; x <= to; x++) mask[y * size.width + x] = value;
    }
  }
}
