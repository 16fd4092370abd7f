import { NODE_HEIGHT, NODE_WIDTH } from '../graph/layer-box';
import type { GraphDoc } from '../graph/schema';

/**
 * Width ÷ height the folded diagram aims for: about the editor's canvas between the palette and
 * the side panel on a laptop screen, so fitting the view uses the space in both directions.
 */
export const FOLD_ASPECT = 1.2;
/** Room between two columns of a folded diagram, for the connections that climb back up. */
export const COLUMN_GAP = 100;

type Point = { x: number; y: number };

/**
 * Folds a tall top-to-bottom layout into side-by-side columns, like a newspaper: rows (layers at
 * the same height) keep their order and their x inside the column, and each column picks up where
 * the previous one ended. A 150-layer MobileNet laid out as one column fits the screen at a zoom
 * where its text is a pixel high; folded, it reads at several times that. Cuts go between rows, and
 * near the ideal place a row with a single layer is preferred, so one connection makes the jump.
 * A layout that would fold into fewer than three columns comes back unchanged.
 *
 * @example
 * foldTallLayout(layeredLayout(chainOf(300))).nodes // in ~6 columns of ~50 layers
 */
export function foldTallLayout(doc: GraphDoc, aspect = FOLD_ASPECT): GraphDoc {
  if (doc.nodes.length < 2) return doc;
  const rows = rowsOf(doc.nodes.map((n) => n.position));
  const minX = Math.min(...doc.nodes.map((n) => n.position.x));
  const width = Math.max(...doc.nodes.map((n) => n.position.x)) + NODE_WIDTH - minX;
  const top = rows[0]?.y ?? 0;
  const height = (rows.at(-1)?.y ?? 0) + NODE_HEIGHT - top;
  const pitch = width + COLUMN_GAP;
  const columns = Math.min(rows.length, Math.round(Math.sqrt((aspect * height) / pitch)));
  // Two columns of a short design read no better than one, and a design keeps its familiar shape.
  if (columns < 3) return doc;

  const starts = cutRows(rows, columns, height / columns);
  const shift = new Map<number, Point>();
  rows.forEach((row, i) => {
    const column = starts.filter((s) => s <= i).length - 1;
    const start = rows[starts[column] ?? 0]?.y ?? top;
    shift.set(row.y, { x: column * pitch, y: top - start });
  });
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const by = shift.get(n.position.y) ?? { x: 0, y: 0 };
      return { ...n, position: { x: n.position.x + by.x, y: n.position.y + by.y } };
    }),
  };
}

interface Row {
  y: number;
  count: number;
}

/** The distinct heights of a layout, top to bottom, with how many layers sit at each. */
function rowsOf(points: Point[]): Row[] {
  const counts = new Map<number, number>();
  for (const p of points) counts.set(p.y, (counts.get(p.y) ?? 0) + 1);
  return [...counts].map(([y, count]) => ({ y, count })).sort((a, b) => a.y - b.y);
}

/** The index of the first row of each column: 0, then a cut near every multiple of `band`. */
function cutRows(rows: Row[], columns: number, band: number): number[] {
  const top = rows[0]?.y ?? 0;
  const starts = [0];
  const window = Math.max(1, Math.floor(rows.length / columns / 8));
  for (let c = 1; c < columns; c++) {
    const ideal = rows.findIndex((r) => r.y - top >= c * band);
    if (ideal <= 0) break;
    let best = ideal;
    for (let d = 0; d <= window; d++) {
      const single = [ideal - d, ideal + d].find((i) => i > (starts.at(-1) ?? 0) && i < rows.length && rows[i]?.count === 1);
      if (single !== undefined) {
        best = single;
        break;
      }
    }
    if (best > (starts.at(-1) ?? 0)) starts.push(best);
  }
  return starts;
}
