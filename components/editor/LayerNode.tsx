'use client';

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo, useSyncExternalStore } from 'react';
import { CommentBadge } from '@/components/comments/CommentCounts';
import { useNodeProfile } from '@/components/profile/ProfileContext';
import { ProfileTag } from '@/components/profile/ProfileTag';
import { heatColour } from '@/components/profile/profile-figures';
import { WeightBadgeTag } from '@/components/weights/WeightBadges';
import { changeWords } from '@/engine/graph/change-words';
import type { FieldChange } from '@/engine/graph/diff';
import { layerSpec } from '@/engine/layers/registry';
import { categoryColor } from './categories';
import type { PortHint } from './connection-hints';
import type { DiffMark } from './diff-graph-view';
import { useOptionalEditor } from './EditorContext';
import type { LayerFlowNode } from './flow-elements';
import { formatCompact } from './format';
import { inputPortLabel, portOffset } from './port-labels';

const NO_HINTS = () => () => {};
const nothing = () => null;

/** The hints for this node's ports while a connection is dragged (re-renders at drag start and end only). */
function usePortHints(nodeId: string): Map<string, PortHint> | null | undefined {
  const hints = useOptionalEditor()?.hints;
  return useSyncExternalStore(hints?.subscribe ?? NO_HINTS, hints ? () => hints.forNode(nodeId) : nothing, nothing);
}

function hintClass(hints: Map<string, PortHint> | null | undefined, handle: string): string {
  if (hints === null) return '';
  const hint = hints?.get(handle);
  return hint?.ok ? ' port--valid' : ' port--invalid';
}

/**
 * The one node component for every layer type: its type and name, the few words that sum up its
 * settings, its output shape and parameter count, a badge when something is wrong, and one handle
 * per input and output port. Everything comes from the store's memoized `NodeView`, so an unchanged
 * layer never re-renders.
 */
function LayerNodeView({ id, data }: NodeProps<LayerFlowNode>) {
  const { view } = data;
  const diff = (data as { diff?: DiffMark }).diff;
  const hints = usePortHints(id);
  const profile = useNodeProfile(id);
  const contract = layerSpec(view.type)?.inputs;
  const errors = view.diagnostics.filter((d) => d.severity === 'error');
  const warnings = view.diagnostics.filter((d) => d.severity === 'warning');
  const inputs = view.ports.inputs;
  const outputs = view.ports.outputs;
  const shape = view.outputLabels[0] ?? (view.status === 'blocked' ? 'waiting for input' : '?');
  const classes = [
    'layer-node',
    `layer-node--${view.status}`,
    view.selected ? 'layer-node--selected' : '',
    view.trainable ? '' : 'layer-node--frozen',
    diff ? `layer-node--diff-${diff.status}` : '',
    diff && diff.changes.length > 0 ? 'layer-node--has-changes' : '',
    profile ? 'layer-node--profiled' : '',
    profile?.stale ? 'layer-node--profile-stale' : '',
    profile?.slowest ? 'layer-node--slowest' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={{ '--cat': categoryColor(view.category), ...(profile ? { '--heat': heatColour(profile.share) } : {}) } as CSSProperties}
      data-testid={`layer-${id}`}
      data-status={view.status}
    >
      {inputs.map((handle, i) => (
        <Handle
          key={handle}
          id={handle}
          type="target"
          position={Position.Top}
          className={`port port--in${hintClass(hints, handle)}`}
          style={{ left: `${portOffset(i, inputs.length)}%` }}
          title={hints?.get(handle)?.reason ?? inputPortLabel(contract, i, inputs.length)}
          isConnectable={!diff}
        />
      ))}
      <div className="layer-node__head">
        <span className="layer-node__type">{view.label}</span>
        {view.trainable ? null : (
          <span
            className="layer-node__tag layer-node__tag--frozen"
            title="Frozen: its weights do not change in training"
            data-testid="frozen-mark"
          >
            ❄ frozen
          </span>
        )}
        {diff ? null : <WeightBadgeTag nodeId={id} />}
        {diff && diff.status !== 'same' ? (
          <span className={`layer-node__tag diff-tag diff-tag--${diff.status}`}>{diff.tag ?? diff.status}</span>
        ) : null}
        {errors.length > 0 ? (
          <span
            className="node-badge node-badge--error"
            title={errors.map((d) => d.message).join('\n')}
            role="img"
            aria-label={`${errors.length} error${errors.length === 1 ? '' : 's'}`}
          >
            {errors.length}
          </span>
        ) : warnings.length > 0 ? (
          <span
            className="node-badge node-badge--warning"
            title={warnings.map((d) => d.message).join('\n')}
            role="img"
            aria-label={`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`}
          >
            !
          </span>
        ) : null}
        <CommentBadge nodeId={id} />
      </div>
      <div className="layer-node__name" title={view.name}>
        {view.name}
      </div>
      <div className="layer-node__summary">{view.summary || '\u00a0'}</div>
      {diff && diff.changes.length > 0 ? <DiffChanges changes={diff.changes} /> : null}
      <div className="layer-node__foot">
        <code className="layer-node__shape" title={view.outputLabels.join('\n') || undefined}>
          {shape}
          {view.outputLabels.length > 1 ? ` +${view.outputLabels.length - 1}` : ''}
        </code>
        <span
          className="layer-node__params"
          title={view.paramCount === null ? 'Parameters unknown' : `${view.paramCount.toLocaleString('en-US')} parameters`}
        >
          {view.paramCount === null ? '' : view.paramCount === 0 ? '—' : formatCompact(view.paramCount)}
        </span>
      </div>
      {profile ? <ProfileTag profile={profile} /> : null}
      {outputs.map((handle, i) => (
        <Handle
          key={handle}
          id={handle}
          type="source"
          position={Position.Bottom}
          className={`port port--out${hintClass(hints, handle)}`}
          style={{ left: `${portOffset(i, outputs.length)}%` }}
          title={
            hints?.get(handle)?.reason ?? `Output${outputs.length > 1 ? ` ${i + 1}` : ''} · ${view.outputLabels[i] ?? 'shape unknown'}`
          }
          isConnectable={!diff}
        />
      ))}
    </div>
  );
}

/** On the diff canvas: a changed layer's settings, old → new, the first few on the node itself. */
function DiffChanges({ changes }: { changes: FieldChange[] }) {
  const shown = changes.slice(0, 3);
  return (
    <ul className="layer-node__changes" data-testid="layer-changes">
      {shown.map((c) => (
        <li key={c.path}>{changeWords(c)}</li>
      ))}
      {changes.length > shown.length ? <li className="muted">+{changes.length - shown.length} more</li> : null}
    </ul>
  );
}

export const LayerNode = memo(LayerNodeView);
