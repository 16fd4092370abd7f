import type { GraphDoc, GraphNode } from '../../../../engine/graph/schema';
import { layeredLayout } from '../../../../engine/import/layout';
import { updateNodes } from '../change-ops';
import { defineCommand, NOTHING, refuse } from '../command';

type Point = { x: number; y: number };

export interface AutoLayoutArgs {
  /** A synchronous layout; default the engine's `layeredLayout`. */
  layout?: (doc: GraphDoc) => GraphDoc;
  /**
   * Positions computed elsewhere, e.g. by elk in a worker (`elkLayout(doc, elk)`), applied when the
   * result arrives. Either way only positions are taken, so edits made meanwhile are kept.
   */
  positions?: Record<string, Point>;
}

/** Arranges the layers top to bottom. Only positions change; nodes a layout does not place stay put. */
export const autoLayout = defineCommand<AutoLayoutArgs>({
  id: 'autoLayout',
  label: 'Auto-layout',
  group: 'arrange',
  shortcut: ['L'],
  canRun: (state) => state.doc.nodes.length > 0,
  perform(state, args) {
    if (state.doc.nodes.length === 0) return refuse('There is nothing to lay out.');
    const positions = args.positions ?? positionsOf((args.layout ?? layeredLayout)(state.doc));
    const valid = Object.values(positions).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (!valid) return refuse('The layout produced positions that are not finite numbers.');
    const place = (node: GraphNode): GraphNode => {
      const to = positions[node.id];
      return !to || (to.x === node.position.x && to.y === node.position.y) ? node : { ...node, position: { x: to.x, y: to.y } };
    };
    const changes = updateNodes(state.doc, new Set(Object.keys(positions)), place);
    return changes.length === 0 ? NOTHING : { changes, undoable: true };
  },
});

function positionsOf(doc: GraphDoc): Record<string, Point> {
  return Object.fromEntries(doc.nodes.map((n) => [n.id, n.position]));
}
