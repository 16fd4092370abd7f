import type { GraphNode } from '../../../../engine/graph/schema';
import { updateNodes } from '../change-ops';
import { defineCommand, NOTHING, refuse } from '../command';

type Point = { x: number; y: number };

export type MoveNodesArgs = {
  /**
   * Identifies one drag gesture: every move of the same gesture merges into one undo entry. Without
   * it, consecutive moves of the same set of nodes merge (as nudges with the arrow keys do).
   */
  gesture?: string;
} & ({ positions: Record<string, Point> } | { ids?: string[]; delta: Point });

/** Moves layers to absolute positions (as a drag reports them) or by a delta (default: the selection). */
export const moveNodes = defineCommand<MoveNodesArgs>({
  id: 'moveNodes',
  label: 'Move',
  group: 'arrange',
  canRun: (state, args) => targets(state.selection.nodes, args).length > 0,
  perform(state, args) {
    const ids = targets(state.selection.nodes, args);
    if (ids.length === 0) return refuse('Select the layers to move first.');
    const points = 'positions' in args ? Object.values(args.positions) : [args.delta];
    if (!points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) return refuse('Positions must be finite numbers.');
    const move = (node: GraphNode): GraphNode => {
      const to =
        'positions' in args ? (args.positions[node.id] as Point) : { x: node.position.x + args.delta.x, y: node.position.y + args.delta.y };
      return to.x === node.position.x && to.y === node.position.y ? node : { ...node, position: { x: to.x, y: to.y } };
    };
    const changes = updateNodes(state.doc, new Set(ids), move);
    if (changes.length === 0) return NOTHING;
    return { changes, undoable: true, coalesceKey: `move:${args.gesture ?? [...ids].sort().join(',')}` };
  },
});

function targets(selected: readonly string[], args: MoveNodesArgs): string[] {
  return 'positions' in args ? Object.keys(args.positions) : [...(args.ids ?? selected)];
}
