'use client';

import { MiniMap } from '@xyflow/react';
import { useMemo } from 'react';
import type { GraphDiff } from '@/engine/graph/diff';
import type { GraphDoc } from '@/engine/graph/schema';
import { type DiffFlowNode, diffGraphView } from './diff-graph-view';
import { minimapPadding } from './minimap-padding';
import { PaddedMinimapNode } from './PaddedMinimapNode';
import { DIFF_COLORS, ReadOnlyDiffFlow } from './ReadOnlyDiffFlow';

const MINIMAP = { width: 200, height: 150 };

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
  const s = diff.summary;
  return (
    <ReadOnlyDiffFlow
      nodes={view.nodes}
      edges={view.edges}
      label={`Visual diff of version ${from} and version ${to}`}
      fitPadding={0.15}
      minZoom={0.05}
      overlay={(nodes) => <DiffMinimap nodes={nodes} />}
      legend={
        <div className="diff-legend">
          <strong>
            v{from} → v{to}
          </strong>
          <span>
            <i className="legend-swatch" style={{ background: DIFF_COLORS.added }} />
            {counted(s.layers.added, 'layer')} · {counted(s.connections.added, 'connection')} added
          </span>
          <span>
            <i className="legend-swatch" style={{ background: DIFF_COLORS.removed }} />
            {counted(s.layers.removed, 'layer')} · {counted(s.connections.removed, 'connection')} removed
          </span>
          <span>
            <i className="legend-swatch" style={{ background: DIFF_COLORS.changed }} />
            {counted(s.layers.changed, 'layer')} changed
          </span>
          <span className="muted">{counted(s.layers.moved, 'layer')} moved</span>
        </div>
      }
    />
  );
}

/** The minimap, its nodes coloured by status and padded to stay visible when a design is large. */
function DiffMinimap({ nodes }: { nodes: DiffFlowNode[] }) {
  const padding = useMemo(() => minimapPadding(nodes, MINIMAP), [nodes]);
  return (
    <MiniMap<DiffFlowNode>
      position="bottom-right"
      pannable
      zoomable
      nodeColor={minimapColor}
      nodeComponent={PaddedMinimapNode}
      nodeStrokeWidth={padding}
      style={MINIMAP}
    />
  );
}

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function minimapColor(node: DiffFlowNode): string {
  return DIFF_COLORS[node.data.diff.status];
}
