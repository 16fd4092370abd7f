'use client';

import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { DiffStatus } from './diff-graph-view';
import type { ShapeFlowEdge } from './flow-elements';

/**
 * A connection labelled with the tensor shape flowing along it; red (with the problem on hover) when
 * the analysis finds it at fault. On the diff canvas, added connections are green, removed ones red
 * (and drawn without a label: see DiffFlowEdge).
 */
function ShapeEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  selected,
}: EdgeProps<ShapeFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const view = data?.view;
  const diff = (data as { diff?: DiffStatus } | undefined)?.diff;
  const labelled = (data as { labelled?: boolean } | undefined)?.labelled !== false;
  const atTarget = (data as { labelAtTarget?: boolean } | undefined)?.labelAtTarget === true;
  const bad = view ? !view.ok : false;
  const classes = [
    'shape-edge',
    bad ? 'shape-edge--bad' : '',
    selected ? 'shape-edge--selected' : '',
    diff ? `shape-edge--diff-${diff}` : '',
  ];
  const problem = view?.diagnostics.map((d) => d.message).join('\n');
  return (
    <>
      <BaseEdge id={id} path={path} className={classes.filter(Boolean).join(' ')} interactionWidth={18} />
      {labelled ? (
        <EdgeLabelRenderer>
          <div className="edge-label-anchor" style={atTarget ? { left: targetX, top: targetY - 14 } : { left: labelX, top: labelY }}>
            <div
              className={`edge-label${bad ? ' edge-label--bad' : ''}${selected ? ' edge-label--selected' : ''}${diff ? ` edge-label--diff-${diff}` : ''}`}
              data-testid={`edge-label-${id}`}
              title={problem || undefined}
            >
              {view?.label || '?'}
            </div>
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
