'use client';

import {
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type OnConnectStartParams,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { NODE_HEIGHT, NODE_WIDTH } from '@/engine/graph/layer-box';
import { BlockFrame } from './BlockFrame';
import { BlockNode } from './BlockNode';
import { categoryColor } from './categories';
import { connectionHints } from './connection-hints';
import { useEditor } from './EditorContext';
import { FlowElementsBuilder, type FlowNode, groupOfFrame, type ShapeFlowEdge } from './flow-elements';
import { LayerNode } from './LayerNode';
import { minimapPadding } from './minimap-padding';
import { PaddedMinimapNode } from './PaddedMinimapNode';
import { PALETTE_MIME } from './Palette';
import { ShapeEdge } from './ShapeEdge';
import { applySelectionChanges } from './selection-changes';
import { canConnect, groupViews } from './store';
import { findNode as findNodeInDoc } from './store/doc-ops';
import { ZoomClass } from './ZoomClass';

// Module scope, so React Flow never sees new component types and never remounts nodes.
const nodeTypes = { layer: LayerNode, block: BlockNode, frame: BlockFrame };
const edgeTypes = { shape: ShapeEdge };
const FIT = { padding: 0.15, maxZoom: 1 };
const MULTI_SELECT = ['Shift', 'Meta', 'Control'];
const MINIMAP = { width: 180, height: 120 };

type Point = { x: number; y: number };

/**
 * The editing canvas: React Flow bound to the editor store. Drags dispatch `moveNodes` under one
 * gesture id (one undo step per drag), selection and connections go through commands, connections
 * are checked with the store's rules (invalid ports dim while dragging), layers are dropped from the
 * palette and model files onto it.
 */
export function EditorCanvas({
  minimap,
  onFiles,
  children,
}: {
  minimap: boolean;
  onFiles(files: File[]): void;
  /** Drawn inside the flow (its viewport and hooks are theirs): co-editors' cursors. */
  children?: ReactNode;
}) {
  const ui = useEditor();
  const { store, readOnly, hints, notify } = ui;
  const flow = useReactFlow<FlowNode, ShapeFlowEdge>();
  const builder = useRef<FlowElementsBuilder | null>(null);
  builder.current ??= new FlowElementsBuilder(new Map(), { upFront: !measureEveryLayer() });
  const [measures, setMeasures] = useState(0);
  const [dropping, setDropping] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const gesture = useRef<string | null>(null);
  const gestures = useRef(0);
  const pointer = useRef<Point | null>(null);

  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  // Fit the diagram once when it opens; an empty canvas keeps its view so dropped layers stay where they land.
  const [fitOnOpen] = useState(() => store.getState().doc.nodes.length > 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `measures` invalidates the memo when React Flow measured a node
  const { nodes, edges } = useMemo(() => (builder.current as FlowElementsBuilder).build(state), [state, measures]);
  const padding = useMemo(() => (minimap ? minimapPadding(nodes, MINIMAP) : 0), [minimap, nodes]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const current = store.getState();
      const positions: Record<string, Point> = {};
      const blockMoves: { ids: string[]; delta: Point }[] = [];
      let ended = false;
      let measured = false;
      const selects: { id: string; selected: boolean }[] = [];
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position && change.dragging !== false) {
            const groupId = groupOfFrame(change.id) ?? ((current.doc.groups ?? []).some((g) => g.id === change.id) ? change.id : null);
            if (groupId === null) positions[change.id] = change.position;
            else {
              const group = groupViews(current).find((g) => g.id === groupId);
              if (group) {
                const delta = { x: change.position.x - group.bounds.x, y: change.position.y - group.bounds.y };
                if (delta.x !== 0 || delta.y !== 0) blockMoves.push({ ids: group.nodeIds, delta });
              }
            }
          }
          if (change.dragging === false) ended = true;
        } else if (change.type === 'dimensions' && change.dimensions) {
          measured = (builder.current as FlowElementsBuilder).measure(change.id, change.dimensions) || measured;
        } else if (change.type === 'select') {
          selects.push({ id: change.id, selected: change.selected });
        }
      }
      if (Object.keys(positions).length > 0 || blockMoves.length > 0) {
        if (gesture.current === null) gesture.current = `drag-${++gestures.current}`;
        if (Object.keys(positions).length > 0) store.dispatch('moveNodes', { positions, gesture: gesture.current });
        for (const move of blockMoves) store.dispatch('moveNodes', { ids: move.ids, delta: move.delta, gesture: gesture.current });
      }
      if (ended) {
        store.seal();
        gesture.current = null;
      }
      if (selects.length > 0) applySelectionChanges(store, selects, 'nodes');
      if (measured) setMeasures((n) => n + 1);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ShapeFlowEdge>[]) => {
      const selects = changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
      if (selects.length > 0) applySelectionChanges(store, selects, 'edges');
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | ShapeFlowEdge) =>
      canConnect(store.getState(), c.source, c.sourceHandle ?? undefined, c.target, c.targetHandle ?? undefined).ok,
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const result = store.dispatch('connect', {
        source: c.source,
        target: c.target,
        ...(c.sourceHandle ? { sourceHandle: c.sourceHandle } : {}),
        ...(c.targetHandle ? { targetHandle: c.targetHandle } : {}),
      });
      if (!result.ok) notify(result.reason, 'error');
    },
    [store, notify],
  );

  const onConnectStart = useCallback(
    (_event: unknown, params: OnConnectStartParams) => {
      if (!params.nodeId || !params.handleType) return;
      hints.set(connectionHints(store.getState(), { nodeId: params.nodeId, handleId: params.handleId, handleType: params.handleType }));
    },
    [store, hints],
  );
  const onConnectEnd = useCallback(() => hints.set(null), [hints]);

  // While a drag or pan is under way nothing on the canvas needs the pointer: skip hit-testing it.
  const busy = useCallback((on: boolean) => wrapper.current?.classList.toggle('editor-canvas--busy', on), []);
  const onGestureStart = useCallback(() => busy(true), [busy]);
  const onGestureEnd = useCallback(() => busy(false), [busy]);

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    const files = event.dataTransfer.types.includes('Files');
    event.dataTransfer.dropEffect = files || event.dataTransfer.types.includes(PALETTE_MIME) ? 'copy' : 'none';
    setDropping(files);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      setDropping(false);
      if (readOnly) return;
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (type) {
        const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        const result = store.dispatch('addNode', { type, position: { x: Math.round(at.x - NODE_WIDTH / 2), y: Math.round(at.y - 24) } });
        if (!result.ok) notify(result.reason, 'error');
        return;
      }
      const files = [...event.dataTransfer.files];
      if (files.length > 0) onFiles(files);
    },
    [flow, store, notify, onFiles, readOnly],
  );

  // The actions other panels ask of the canvas (focus a problem's node, fit, where to add).
  useEffect(() => {
    const centreOn = (x: number, y: number) => flow.setCenter(x, y, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    ui.canvas.current = {
      focusNode(nodeId) {
        const doc = store.getState().doc;
        const node = findNodeInDoc(doc, nodeId);
        if (!node) return;
        const group = node.groupId ? (doc.groups ?? []).find((g) => g.id === node.groupId && g.collapsed) : undefined;
        if (group) store.dispatch('toggleGroupCollapsed', { groupId: group.id, collapsed: false });
        store.dispatch('selectNodes', { nodes: [nodeId] });
        const size = (builder.current as FlowElementsBuilder).size(nodeId) ?? { width: NODE_WIDTH, height: NODE_HEIGHT };
        void centreOn(node.position.x + size.width / 2, node.position.y + size.height / 2);
      },
      focusEdge(edgeId) {
        const doc = store.getState().doc;
        const edge = doc.edges.find((e) => e.id === edgeId);
        const a = edge && findNodeInDoc(doc, edge.source);
        const b = edge && findNodeInDoc(doc, edge.target);
        if (!edge || !a || !b) return;
        store.dispatch('selectNodes', { edges: [edgeId] });
        void centreOn((a.position.x + b.position.x) / 2 + NODE_WIDTH / 2, (a.position.y + b.position.y + NODE_HEIGHT) / 2);
      },
      fitView() {
        void flow.fitView({ ...FIT, duration: 300 });
      },
      viewCentre() {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      },
      pointer: () => pointer.current,
    };
    return () => {
      ui.canvas.current = null;
    };
  }, [flow, store, ui]);

  return (
    <div
      ref={wrapper}
      className={`editor-canvas${dropping ? ' editor-canvas--dropping' : ''}`}
      aria-label="Network canvas"
      role="application"
      onPointerMove={(e) => {
        pointer.current = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      }}
      onDragLeave={() => setDropping(false)}
    >
      <ReactFlow<FlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDrop={onDrop}
        onDragOver={onDragOver}
        onNodeDragStart={onGestureStart}
        onNodeDragStop={onGestureEnd}
        onMoveStart={onGestureStart}
        onMoveEnd={onGestureEnd}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT}
        minZoom={0.05}
        maxZoom={2.5}
        fitView={fitOnOpen}
        fitViewOptions={FIT}
        attributionPosition="bottom-left"
        onlyRenderVisibleElements
      >
        <Controls position="bottom-left" showInteractive={false} style={{ marginBottom: 28 }} />
        <ZoomClass target={wrapper} />
        {minimap ? (
          <MiniMap<FlowNode>
            position="bottom-right"
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeComponent={PaddedMinimapNode}
            nodeStrokeWidth={padding}
            maskColor="rgba(240, 243, 247, 0.7)"
            ariaLabel="Minimap"
            style={MINIMAP}
          />
        ) : null}
        {children}
      </ReactFlow>
      {dropping ? (
        <div className="editor-canvas__drop" aria-hidden="true">
          Drop a model.json with its weight files, or a Keras model JSON
        </div>
      ) : null}
    </div>
  );
}

/**
 * `localStorage['netcanvas.layerSizes'] = 'measure'` makes React Flow mount and measure every layer
 * on open, as it did before layers carried their size: `npm run bench:editor` compares the two.
 */
function measureEveryLayer(): boolean {
  try {
    return typeof window !== 'undefined' && window.localStorage.getItem('netcanvas.layerSizes') === 'measure';
  } catch {
    return false;
  }
}

function minimapColor(node: FlowNode): string {
  if (node.type === 'layer') return categoryColor(node.data.view.category);
  if (node.type === 'frame') return 'transparent';
  return '#5c7cfa';
}
