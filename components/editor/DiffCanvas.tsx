'use client';

import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { GraphDiff } from '@/engine/graph/diff';
import type { GraphDoc } from '@/engine/graph/schema';
import { type DiffFlowEdge, type DiffFlowNode, diffGraphView } from './diff-graph-view';
import { LayerNode } from './LayerNode';
import { minimapPadding } from './minimap-padding';
import { PaddedMinimapNode } from './PaddedMinimapNode';
import { ShapeEdge } from './ShapeEdge';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const FIT = { padding: 0.15, maxZoom: 1 };
const MINIMAP = { width: 200, height: 150 };
const COLORS = { added: '#40c057', removed: '#fa5252', changed: '#fab005', moved: '#91a7ff', same: '#ced4da' } as const;

/**
 * Two versions on one read-only canvas: layers added in green, removed in red (where they were),
 * changed in amber, with the connections of both; the change list sits beside it.
 */
export function DiffCanvas({
  before,
  after,
  diff,
  from,
  to,
}: {
  before: GraphDoc;
  after: GraphDoc;
  diff: GraphDiff;
  from: number;
  to: number;
}) {
  const view = useMemo(() => diffGraphView(before, after, diff), [before, after, diff]);
  // The nodes keep the sizes React Flow measures: the minimap draws each node at the size its own
  // node object carries, so without them it stays empty.
  const [nodes, setNodes] = useState(view.nodes);
  const onNodesChange = useCallback((changes: NodeChange<DiffFlowNode>[]) => {
    const sizes = changes.filter((c) => c.type === 'dimensions');
    if (sizes.length > 0) setNodes((current) => applyNodeChanges(sizes, current));
  }, []);
  const padding = useMemo(() => minimapPadding(nodes, MINIMAP), [nodes]);
  const s = diff.summary;
  return (
    <ReactFlowProvider>
      <div className="diff-canvas" role="img" aria-label={`Visual diff of version ${from} and version ${to}`}>
        <ReactFlow<DiffFlowNode, DiffFlowEdge>
          nodes={nodes}
          edges={view.edges}
          onNodesChange={onNodesChange}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={FIT}
          minZoom={0.05}
          onlyRenderVisibleElements
          attributionPosition="bottom-left"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cfd6de" />
          <Controls position="bottom-left" showInteractive={false} style={{ marginBottom: 28 }} />
          <MiniMap<DiffFlowNode>
            position="bottom-right"
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeComponent={PaddedMinimapNode}
            nodeStrokeWidth={padding}
            style={MINIMAP}
          />
        </ReactFlow>
        <div className="diff-legend">
          <strong>
            v{from} → v{to}
          </strong>
          <span>
            <i className="legend-swatch" style={{ background: COLORS.added }} />
            {counted(s.layers.added, 'layer')} · {counted(s.connections.added, 'connection')} added
          </span>
          <span>
            <i className="legend-swatch" style={{ background: COLORS.removed }} />
            {counted(s.layers.removed, 'layer')} · {counted(s.connections.removed, 'connection')} removed
          </span>
          <span>
            <i className="legend-swatch" style={{ background: COLORS.changed }} />
            {counted(s.layers.changed, 'layer')} changed
          </span>
          <span className="muted">{counted(s.layers.moved, 'layer')} moved</span>
        </div>
      </div>
    </ReactFlowProvider>
  );
}

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function minimapColor(node: DiffFlowNode): string {
  return COLORS[node.data.diff.status];
}
