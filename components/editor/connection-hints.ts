import { canConnect, type EditorState, nodePorts, validTargets } from './store';

/** Whether a port may take the connection being dragged, and why not. */
export interface PortHint {
  ok: boolean;
  reason?: string;
}

/** Where a connection drag started. */
export interface ConnectionStart {
  nodeId: string;
  handleId: string | null;
  handleType: 'source' | 'target';
}

/** Per node, per handle: the ports a dragged connection could land on. Nodes not listed are unaffected. */
export type ConnectionHints = Map<string, Map<string, PortHint>>;

/**
 * The hint for every port on the other end of a connection being dragged: from an output, every
 * input port (`validTargets`: loops, ranks, occupied ports); from an input, every output port that
 * could feed it. The canvas dims the ports that are not ok while the drag lasts.
 */
export function connectionHints(state: EditorState, start: ConnectionStart): ConnectionHints {
  const hints: ConnectionHints = new Map();
  const add = (nodeId: string, handle: string, hint: PortHint) => {
    let perNode = hints.get(nodeId);
    if (!perNode) {
      perNode = new Map();
      hints.set(nodeId, perNode);
    }
    perNode.set(handle, hint);
  };
  if (start.handleType === 'source') {
    for (const target of validTargets(state, start.nodeId, start.handleId ?? undefined)) {
      add(target.nodeId, target.handle, target.ok ? { ok: true } : { ok: false, reason: target.reason ?? '' });
    }
    return hints;
  }
  for (const node of state.doc.nodes) {
    if (node.id === start.nodeId) continue;
    for (const handle of nodePorts(state, node).outputs) {
      const check = canConnect(state, node.id, handle, start.nodeId, start.handleId ?? undefined);
      add(node.id, handle, check.ok ? { ok: true } : { ok: false, reason: check.reason });
    }
  }
  return hints;
}

type Listener = () => void;

/**
 * The hints of the connection being dragged, as a tiny external store: every layer node subscribes
 * to its own entry, so nodes re-render once when a drag starts and once when it ends, not per move.
 */
export class ConnectionHintStore {
  private hints: ConnectionHints | null = null;
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(hints: ConnectionHints | null): void {
    if (hints === this.hints) return;
    this.hints = hints;
    for (const listener of [...this.listeners]) listener();
  }

  /** The hints for one node's ports; `null` while no connection is dragged, `undefined` for nodes it cannot reach. */
  forNode(nodeId: string): Map<string, PortHint> | null | undefined {
    return this.hints === null ? null : this.hints.get(nodeId);
  }

  active(): boolean {
    return this.hints !== null;
  }
}
