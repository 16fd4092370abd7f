import type { GraphDoc } from '../graph/schema';

type Point = { x: number; y: number };

/** Gap between folded columns and the height of a layer, in canvas units (a layer is 220 wide). */
const GAP = 120;
const LAYER_HEIGHT = 96;
const LAYER_WIDTH = 220;
/**
 * Layouts shorter than this (about a dozen layers in a column) stay as they are: at fit view in a
 * 600-pixel-high canvas their text is still drawn (zoom above 0.4).
 */
const MIN_HEIGHT = 1500;

/**
 * Folds a tall layout (a long single column, as the layered layout makes of a deep network) into
 * side-by-side columns so that the whole design fills a window of the given aspect ratio (width /
 * height) at fit view, and its layers stay large enough to read. The layout is cut into horizontal
 * bands of equal height; each band moves right by one column and up to the top, so branches and
 * skip connections inside a band keep their shape. Returns the new positions of the moved layers,
 * or null when the layout is short enough to read as it is (nothing to fold).
 *
 * @example
 * const positions = foldColumns(doc, 16 / 9); // { conv2d_40: { x: 1400, y: 0 }, … }
 */
export function foldColumns(doc: GraphDoc, aspect: number): Record<string, Point> | null {
  if (doc.nodes.length < 2 || !(aspect > 0)) return null;
  const xs = doc.nodes.map((n) => n.position.x);
  const ys = doc.nodes.map((n) => n.position.y);
  const left = Math.min(...xs);
  const width = Math.max(...xs) - left + LAYER_WIDTH;
  const top = Math.min(...ys);
  const height = Math.max(...ys) - top + LAYER_HEIGHT;
  // k columns of height H/k and width W: (k·(W+gap)) / (H/k) ≈ aspect.
  if (height < MIN_HEIGHT) return null;
  const columns = Math.min(doc.nodes.length, Math.round(Math.sqrt((aspect * height) / (width + GAP))));
  if (columns < 2) return null;
  const band = height / columns;
  const positions: Record<string, Point> = {};
  for (const node of doc.nodes) {
    const k = Math.min(columns - 1, Math.floor((node.position.y - top) / band));
    if (k === 0) continue;
    positions[node.id] = { x: node.position.x + k * (width + GAP), y: node.position.y - k * band };
  }
  return positions;
}
