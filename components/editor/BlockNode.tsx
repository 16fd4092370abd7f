'use client';

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from './EditorContext';
import type { BlockFlowNode } from './flow-elements';
import { formatCompact } from './format';

/** A collapsed block: one box standing in for its layers, with the connections crossing its border. */
function BlockNodeView({ data }: NodeProps<BlockFlowNode>) {
  const { group } = data;
  const { store, readOnly } = useEditor();
  return (
    <div
      className={`block-node block-node--${group.status}${group.selected ? ' block-node--selected' : ''}`}
      data-testid={`block-${group.id}`}
    >
      <Handle id="in:0" type="target" position={Position.Top} className="port port--in" isConnectable={false} />
      <div className="block-node__head">
        <span className="block-node__kind">Block</span>
        {group.status !== 'ok' ? <span className={`node-badge node-badge--${group.status}`}>!</span> : null}
      </div>
      <div className="block-node__name">{group.name}</div>
      <div className="block-node__meta">
        {group.nodeIds.length} layers · {group.params === null ? '?' : formatCompact(group.params)} params
      </div>
      {readOnly ? null : (
        <button
          type="button"
          className="block-node__toggle nodrag"
          aria-label={`Expand block ${group.name}`}
          onClick={(e) => {
            e.stopPropagation();
            store.dispatch('toggleGroupCollapsed', { groupId: group.id, collapsed: false });
          }}
        >
          Expand
        </button>
      )}
      <Handle id="out:0" type="source" position={Position.Bottom} className="port port--out" isConnectable={false} />
    </div>
  );
}

export const BlockNode = memo(BlockNodeView);
