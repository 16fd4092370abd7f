import type { Change } from '../../../../engine/graph/changes';
import type { GraphEdge } from '../../../../engine/graph/schema';
import { defineCommand, refuse } from '../command';
import { canConnect } from '../connection-rules';
import { edgeIds, freshEdgeId } from '../doc-ops';

export interface ConnectArgs {
  source: string;
  /** Output port, `out:N`; default the first. */
  sourceHandle?: string;
  target: string;
  /** Input port, `in:N`; default the only input, or the next free input of a merge layer. */
  targetHandle?: string;
}

/**
 * Connects an output port to an input port, after the checks of `canConnect` (no loops, ports that
 * exist, compatible rank). Into an occupied single-input port it replaces the connection there.
 * Output: the new edge's id.
 */
export const connect = defineCommand<ConnectArgs, string>({
  id: 'connect',
  label: 'Connect',
  group: 'edit',
  canRun: (state, args) => canConnect(state, args.source, args.sourceHandle, args.target, args.targetHandle).ok,
  perform(state, args) {
    const check = canConnect(state, args.source, args.sourceHandle, args.target, args.targetHandle);
    if (!check.ok) return refuse(check.reason);
    const edge: GraphEdge = {
      id: freshEdgeId(args.source, args.target, edgeIds(state.doc)),
      source: args.source,
      target: args.target,
    };
    if (args.sourceHandle !== undefined) edge.sourceHandle = args.sourceHandle;
    if (check.targetHandle !== undefined) edge.targetHandle = check.targetHandle;
    const changes: Change[] = [...new Set(check.replaces)].map((id) => ({ kind: 'edge.remove', id }));
    changes.push({ kind: 'edge.add', edge });
    return { changes, undoable: true, output: edge.id };
  },
});
