import { type Edge, type Node, type NodeHandle, Position } from '@xyflow/react';
import { layerBox } from '@/engine/graph/layer-box';
import { type EdgeView, type EditorState, edgeView, type GroupView, groupViews, type NodeView, nodeView, visibleGraph } from './store';

/** A layer on the canvas: the generic node draws everything from its view. */
export type LayerFlowNode = Node<{ view: NodeView }, 'layer'>;
/** A collapsed block standing in for its layers. */
export type BlockFlowNode = Node<{ group: GroupView }, 'block'>;
/** The frame drawn behind the layers of an expanded block. */
export type FrameFlowNode = Node<{ group: GroupView }, 'frame'>;
export type FlowNode = LayerFlowNode | BlockFlowNode | FrameFlowNode;
export type ShapeFlowEdge = Edge<{ view: EdgeView }, 'shape'>;

export interface Size {
  width: number;
  height: number;
}

/** Size of a collapsed block's box. */
export const BLOCK_SIZE: Size = { width: 240, height: 92 };

/**
 * Turns editor states into the node and edge arrays React Flow draws, reusing every object whose
 * view did not change (the store's views are memoized), and the whole array when nothing changed.
 * React Flow then skips the nodes and edges it already has, so a drag touches only what moved.
 * One builder per canvas; `measured` holds the sizes React Flow reported, which must travel with
 * every node object it is handed (otherwise it measures the node again).
 *
 * Layers carry their size and port boxes from the start (`layerBox`): React Flow mounts a node it
 * has no port boxes for whether it is on screen or not, so without them opening a design mounted
 * and measured every layer before culling. `upFront: false` turns that off, for comparison.
 */
export class FlowElementsBuilder {
  private layerNodes = new WeakMap<NodeView, LayerFlowNode>();
  private groupNodes = new Map<string, BlockFlowNode | FrameFlowNode>();
  private flowEdges = new WeakMap<EdgeView, ShapeFlowEdge>();
  private lastNodes: FlowNode[] = [];
  private lastEdges: ShapeFlowEdge[] = [];

  constructor(
    private readonly measured: Map<string, Size> = new Map(),
    private readonly options: { upFront: boolean } = { upFront: true },
  ) {}

  /** Records a size React Flow measured; `true` when it differs from the one known. */
  measure(id: string, size: Size): boolean {
    const known = this.measured.get(id);
    if (known && known.width === size.width && known.height === size.height) return false;
    this.measured.set(id, { width: size.width, height: size.height });
    return true;
  }

  /** The size React Flow measured for a node, if it did. */
  size(id: string): Size | undefined {
    return this.measured.get(id);
  }

  build(state: EditorState): { nodes: FlowNode[]; edges: ShapeFlowEdge[] } {
    const visible = visibleGraph(state);
    const groups = new Map(groupViews(state).map((g) => [g.id, g]));
    const nodes: FlowNode[] = [];
    for (const group of groups.values()) if (!group.collapsed) nodes.push(this.groupNode(group, 'frame'));
    for (const item of visible.nodes) {
      if (item.kind === 'group') {
        const group = groups.get(item.id);
        if (group) nodes.push(this.groupNode(group, 'block'));
        continue;
      }
      const view = nodeView(state, item.id);
      if (view) nodes.push(this.layerNode(view));
    }
    const edges: ShapeFlowEdge[] = [];
    for (const item of visible.edges) {
      const view = edgeView(state, item.id);
      if (view) edges.push(this.edge(view, item));
    }
    this.lastNodes = sameItems(this.lastNodes, nodes) ? this.lastNodes : nodes;
    this.lastEdges = sameItems(this.lastEdges, edges) ? this.lastEdges : edges;
    return { nodes: this.lastNodes, edges: this.lastEdges };
  }

  private layerNode(view: NodeView): LayerFlowNode {
    const box = this.options.upFront ? layerBox(view.ports) : null;
    // The known size until React Flow reports another (it only does when the drawn node differs).
    if (box && !this.measured.has(view.id)) this.measured.set(view.id, { width: box.width, height: box.height });
    const measured = this.measured.get(view.id);
    const cached = this.layerNodes.get(view);
    if (cached && cached.measured === measured) return cached;
    const node: LayerFlowNode = {
      id: view.id,
      type: 'layer',
      position: view.position,
      data: { view },
      selected: view.selected,
      ariaLabel: `${view.label} layer ${view.name}`,
      ...(measured ? { measured } : {}),
      ...(box ? { handles: box.handles.map(toNodeHandle) } : {}),
    };
    this.layerNodes.set(view, node);
    return node;
  }

  private groupNode(group: GroupView, kind: 'block' | 'frame'): BlockFlowNode | FrameFlowNode {
    const id = kind === 'frame' ? frameId(group.id) : group.id;
    const cached = this.groupNodes.get(id);
    const size = kind === 'frame' ? { width: group.bounds.width, height: group.bounds.height } : BLOCK_SIZE;
    const measured = kind === 'frame' ? size : (this.measured.get(id) ?? size);
    if (
      cached &&
      sameGroup(cached.data.group, group) &&
      cached.measured?.width === measured.width &&
      cached.measured.height === measured.height
    ) {
      return cached;
    }
    const node =
      kind === 'frame'
        ? ({
            id,
            type: 'frame',
            position: { x: group.bounds.x, y: group.bounds.y },
            data: { group },
            width: size.width,
            height: size.height,
            measured,
            zIndex: -1,
            selectable: false,
            focusable: false,
            dragHandle: '.block-frame__handle',
          } satisfies FrameFlowNode)
        : ({
            id,
            type: 'block',
            position: { x: group.bounds.x, y: group.bounds.y },
            data: { group },
            selected: group.selected,
            ariaLabel: `Block ${group.name}, collapsed`,
            measured,
          } satisfies BlockFlowNode);
    this.groupNodes.set(id, node);
    return node;
  }

  private edge(view: EdgeView, route: { source: string; target: string; sourceHandle: string; targetHandle: string }): ShapeFlowEdge {
    const cached = this.flowEdges.get(view);
    if (
      cached &&
      cached.source === route.source &&
      cached.target === route.target &&
      cached.sourceHandle === route.sourceHandle &&
      cached.targetHandle === route.targetHandle
    ) {
      return cached;
    }
    const edge: ShapeFlowEdge = {
      id: view.id,
      type: 'shape',
      source: route.source,
      target: route.target,
      sourceHandle: route.sourceHandle,
      targetHandle: route.targetHandle,
      data: { view },
      selected: view.selected,
      ariaLabel: `Connection from ${view.source} to ${view.target}${view.label ? `, ${view.label}` : ''}${view.ok ? '' : ', at fault'}`,
    };
    this.flowEdges.set(view, edge);
    return edge;
  }
}

function toNodeHandle(port: ReturnType<typeof layerBox>['handles'][number]): NodeHandle {
  return { ...port, position: port.position === 'top' ? Position.Top : Position.Bottom };
}

/** The id of the frame node of an expanded block (blocks use their own id when collapsed). */
export function frameId(groupId: string): string {
  return `frame:${groupId}`;
}

/** The block id behind a frame node's id, or `null` for other nodes. */
export function groupOfFrame(nodeId: string): string | null {
  return nodeId.startsWith('frame:') ? nodeId.slice('frame:'.length) : null;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Group views are rebuilt on every change; compare what the block's node draws. */
function sameGroup(a: GroupView, b: GroupView): boolean {
  return (
    a.name === b.name &&
    a.collapsed === b.collapsed &&
    a.params === b.params &&
    a.status === b.status &&
    a.inputs === b.inputs &&
    a.outputs === b.outputs &&
    a.selected === b.selected &&
    a.nodeIds.length === b.nodeIds.length &&
    a.nodeIds.every((id, i) => id === b.nodeIds[i]) &&
    a.bounds.x === b.bounds.x &&
    a.bounds.y === b.bounds.y &&
    a.bounds.width === b.bounds.width &&
    a.bounds.height === b.bounds.height
  );
}
