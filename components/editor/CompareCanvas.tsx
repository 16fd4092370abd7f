'use client';

import { applyNodeChanges, Background, BackgroundVariant, Controls, type NodeChange, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { ModelComparison } from '@/engine/compare/compare-models';
import { summaryLine } from '@/engine/compare/comparison-words';
import type { GraphDoc } from '@/engine/graph/schema';
import { compareGraphView } from './compare-graph-view';
import type { DiffFlowEdge, DiffFlowNode } from './diff-graph-view';
import { LayerNode } from './LayerNode';
import { ShapeEdge } from './ShapeEdge';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const FIT = { padding: 0.1, maxZoom: 1 };
const COLORS = { added: '#40c057', removed: '#fa5252', changed: '#fab005', moved: '#91a7ff', same: '#ced4da' } as const;

/**
 * Two models side by side on one read-only canvas, whatever file each came from: A (the design, a
 * version or a file) on the left, B on the right, each in its own layout; changed layers amber on
 * both sides, layers only one side has red (A) or green (B). No minimap: it would sit on the right
 * column at narrow widths, and the change list beside the canvas is the map.
 */
export function CompareCanvas({
  a,
  b,
  comparison,
  labels,
}: {
  a: GraphDoc;
  b: GraphDoc;
  comparison: ModelComparison;
  labels: { a: string; b: string };
}) {
  const view = useMemo(() => compareGraphView(a, b, comparison, labels), [a, b, comparison, labels]);
  // The nodes keep the sizes React Flow measures, for the minimap (as on the version diff).
  const [nodes, setNodes] = useState<DiffFlowNode[]>(view.nodes);
  const onNodesChange = useCallback((changes: NodeChange<DiffFlowNode>[]) => {
    const sizes = changes.filter((c) => c.type === 'dimensions');
    if (sizes.length > 0) setNodes((current) => applyNodeChanges(sizes, current));
  }, []);
  const s = comparison.summary;
  return (
    <ReactFlowProvider>
      <div className="diff-canvas" role="img" aria-label={`Comparison of ${labels.a} and ${labels.b}`}>
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
          minZoom={0.02}
          onlyRenderVisibleElements
          attributionPosition="bottom-left"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cfd6de" />
          <Controls position="bottom-left" showInteractive={false} style={{ marginBottom: 28 }} />
        </ReactFlow>
        <div className="diff-legend compare-legend" data-testid="compare-legend">
          <strong>{summaryLine(s, labels)}</strong>
          <span className="muted">
            left: {labels.a} · right: {labels.b}
          </span>
          <span>
            <i className="legend-swatch" style={{ background: COLORS.changed }} />
            changed
          </span>
          <span>
            <i className="legend-swatch" style={{ background: COLORS.removed }} />
            only in {labels.a}
          </span>
          <span>
            <i className="legend-swatch" style={{ background: COLORS.added }} />
            only in {labels.b}
          </span>
        </div>
      </div>
    </ReactFlowProvider>
  );
}
