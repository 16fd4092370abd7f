'use client';

import { applyNodeChanges, Background, BackgroundVariant, Controls, type NodeChange, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { DiffFlowEdge, DiffFlowNode } from './diff-graph-view';
import { LayerNode } from './LayerNode';
import { ShapeEdge } from './ShapeEdge';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };

/** The colours of a layer's status on a diff: the canvas borders, the legend swatches and the minimap. */
export const DIFF_COLORS = { added: '#40c057', removed: '#fa5252', changed: '#fab005', moved: '#91a7ff', same: '#ced4da' } as const;

/**
 * The read-only canvas a diff is drawn on (two versions, or two models from any files): React Flow
 * without dragging, connecting or selecting, fitted to the view, with the legend over it. The nodes
 * keep the sizes React Flow measures, since a minimap draws each node at the size its own node
 * object carries; `overlay` gets them (a minimap, say).
 */
export function ReadOnlyDiffFlow({
  nodes: initial,
  edges,
  label,
  fitPadding,
  minZoom,
  legend,
  overlay,
}: {
  nodes: DiffFlowNode[];
  edges: DiffFlowEdge[];
  label: string;
  fitPadding: number;
  minZoom: number;
  legend: ReactNode;
  overlay?: (nodes: DiffFlowNode[]) => ReactNode;
}) {
  const [nodes, setNodes] = useState(initial);
  useEffect(() => setNodes(initial), [initial]);
  const onNodesChange = useCallback((changes: NodeChange<DiffFlowNode>[]) => {
    const sizes = changes.filter((c) => c.type === 'dimensions');
    if (sizes.length > 0) setNodes((current) => applyNodeChanges(sizes, current));
  }, []);
  return (
    <ReactFlowProvider>
      <div className="diff-canvas" role="img" aria-label={label}>
        <ReactFlow<DiffFlowNode, DiffFlowEdge>
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          fitView
          fitViewOptions={{ padding: fitPadding, maxZoom: 1 }}
          minZoom={minZoom}
          onlyRenderVisibleElements
          attributionPosition="bottom-left"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cfd6de" />
          <Controls position="bottom-left" showInteractive={false} style={{ marginBottom: 28 }} />
          {overlay?.(nodes)}
        </ReactFlow>
        {legend}
      </div>
    </ReactFlowProvider>
  );
}
