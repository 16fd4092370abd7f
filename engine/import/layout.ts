import { NODE_HEIGHT, NODE_WIDTH } from '../graph/layer-box';
import type { GraphDoc } from '../graph/schema';
import { topology } from '../graph/topology';
import { foldTallLayout } from './fold-layout';

/** Node box size used for layout: the editor's layer node (see `layerBox`). */
export { NODE_HEIGHT, NODE_WIDTH };

/** The part of an elkjs instance the layout needs, so callers choose how elk runs (bundled, worker). */
export interface ElkLike {
  layout(graph: ElkGraph): Promise<ElkGraph>;
}
interface ElkGraph {
  id: string;
  layoutOptions?: Record<string, string>;
  children?: { id: string; width?: number; height?: number; x?: number; y?: number }[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
}

/**
 * Places nodes top to bottom by depth (longest path from an input), spreading each row around the
 * centre. Synchronous and cheap: the fallback when elk is not at hand, and good enough for chains.
 */
export function layeredLayout(doc: GraphDoc): GraphDoc {
  const topo = topology(doc);
  const depth = new Map<string, number>();
  for (const id of topo.order) {
    const incoming = topo.incoming.get(id) ?? [];
    depth.set(
      id,
      incoming.reduce((d, e) => Math.max(d, (depth.get(e.source) ?? 0) + 1), 0),
    );
  }
  const rows = new Map<number, string[]>();
  for (const node of doc.nodes) {
    const d = depth.get(node.id) ?? 0;
    rows.set(d, [...(rows.get(d) ?? []), node.id]);
  }
  const position = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of rows) {
    ids.forEach((id, i) => {
      position.set(id, { x: (i - (ids.length - 1) / 2) * (NODE_WIDTH + 40), y: d * (NODE_HEIGHT + 50) });
    });
  }
  return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: position.get(n.id) ?? n.position })) };
}

/**
 * Lays the graph out with elk's layered algorithm (top to bottom, fewer crossings, orthogonal
 * spacing), folding a long result into columns so the fitted view stays readable. Falls back to `layeredLayout` if elk fails, so an import never fails on layout.
 */
export async function elkLayout(doc: GraphDoc, elk: ElkLike): Promise<GraphDoc> {
  const ids = new Set(doc.nodes.map((n) => n.id));
  try {
    const result = await elk.layout({
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.layered.spacing.nodeNodeBetweenLayers': '50',
        'elk.spacing.nodeNode': '40',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      },
      children: doc.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      edges: doc.edges
        .filter((e) => ids.has(e.source) && ids.has(e.target))
        .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
    });
    const placed = new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
    return foldTallLayout({ ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: placed.get(n.id) ?? n.position })) });
  } catch {
    return foldTallLayout(layeredLayout(doc));
  }
}
