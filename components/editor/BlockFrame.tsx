'use client';

import type { NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useEditor } from './EditorContext';
import type { FrameFlowNode } from './flow-elements';
import { formatCompact } from './format';

/**
 * The frame behind the layers of an expanded block. Its title bar moves the whole block, freezes or
 * unfreezes all its layers, collapses it, and renames it on double-click.
 */
function BlockFrameView({ data }: NodeProps<FrameFlowNode>) {
  const { group } = data;
  const { store, readOnly } = useEditor();
  const [editing, setEditing] = useState(false);
  return (
    <div
      className={`block-frame block-frame--${group.status}${group.frozen ? ' block-frame--frozen' : ''}`}
      data-testid={`frame-${group.id}`}
    >
      <div className="block-frame__handle">
        {editing ? (
          <input
            className="block-frame__rename nodrag"
            aria-label="Block name"
            defaultValue={group.name}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
            autoFocus
            onBlur={(e) => {
              store.dispatch('renameGroup', { groupId: group.id, name: e.currentTarget.value });
              store.seal();
              setEditing(false);
            }}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="block-frame__name"
            title={readOnly ? group.name : 'Double-click to rename'}
            onDoubleClick={() => !readOnly && setEditing(true)}
          >
            {group.name}
          </button>
        )}
        <span className="block-frame__meta">
          {group.nodeIds.length} layers · {group.params === null ? '?' : formatCompact(group.params)} params
        </span>
        {readOnly ? null : (
          <button
            type="button"
            className="block-frame__toggle nodrag"
            aria-label={`${group.frozen ? 'Unfreeze' : 'Freeze'} block ${group.name}`}
            title={
              group.frozen
                ? 'Let every layer of this block train again'
                : 'Keep the weights of every layer of this block while the rest trains'
            }
            onClick={(e) => {
              e.stopPropagation();
              store.dispatch('setTrainable', { groupId: group.id, trainable: group.frozen });
            }}
          >
            {group.frozen ? 'Unfreeze' : 'Freeze'}
          </button>
        )}
        {readOnly ? null : (
          <button
            type="button"
            className="block-frame__toggle nodrag"
            aria-label={`Collapse block ${group.name}`}
            onClick={(e) => {
              e.stopPropagation();
              store.dispatch('toggleGroupCollapsed', { groupId: group.id, collapsed: true });
            }}
          >
            Collapse
          </button>
        )}
      </div>
    </div>
  );
}

export const BlockFrame = memo(BlockFrameView);
