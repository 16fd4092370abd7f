'use client';

import { type CSSProperties, useCallback, useEffect, useMemo, useState } from 'react';
import { layerSpec } from '@/engine/layers/registry';
import { categoryColor } from './categories';
import { useEditor, useEditorState } from './EditorContext';
import { formatCount, formatFlops } from './format';
import { InspectorFieldRow } from './InspectorField';
import { CATEGORY_LABELS, type EditorState, inspectorFields, nodeView } from './store';
import { findNode } from './store/doc-ops';
import { TransferActions } from './TransferActions';

const selection = (s: EditorState) => s.selection;
const analysisOf = (s: EditorState) => s.analysis;

/** Two versions of an object that differ at most in `position`. */
function sameButPosition<T extends object | null | undefined>(a: T, b: T): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  // Views are rebuilt on a move (new arrays inside): compare their content, a small object.
  return JSON.stringify({ ...a, position: null }) === JSON.stringify({ ...b, position: null });
}

/**
 * The selected layer's settings: a form generated from its spec's params schema (defaults as
 * placeholders, the doc text as hover help, checked as you type), its name and trainable flag, its
 * output, and what is wrong with it. With several layers selected, the commands that act on them.
 */
export function Inspector() {
  const sel = useEditorState(selection);
  const { readOnly } = useEditor();
  if (sel.nodes.length === 1) return <LayerInspector nodeId={sel.nodes[0] as string} />;
  if (sel.nodes.length > 1) return <MultiInspector count={sel.nodes.length} />;
  if (readOnly) {
    // Someone who can only look is not told how to edit.
    return (
      <section className="inspector inspector--empty" aria-label="Inspector">
        <h2>Nothing selected</h2>
        <p className="muted small">Click a layer to see its settings, its output shape and its parameters.</p>
      </section>
    );
  }
  return (
    <section className="inspector inspector--empty" aria-label="Inspector">
      <h2>Nothing selected</h2>
      <p className="muted small">Click a layer to see and change its settings. Shift-click or Shift-drag to select several.</p>
      <ul className="tips small" data-testid="editing-tips">
        <li>Drag layers from the palette onto the canvas, or click one to add it after the selected layer.</li>
        <li>Drag from a layer’s bottom port to another’s top port to connect them. Ports that cannot take the connection fade out.</li>
        <li>Drop a TF.js model.json (with its weight files) or a Keras model JSON onto the canvas to open it.</li>
      </ul>
    </section>
  );
}

function MultiInspector({ count }: { count: number }) {
  const { store, readOnly, notify } = useEditor();
  const run = (id: 'group' | 'duplicateSelection' | 'deleteSelection') => {
    const result = store.dispatch(id);
    if (!result.ok) notify(result.reason, 'error');
  };
  return (
    <section className="inspector" aria-label="Inspector">
      <h2>{count} layers selected</h2>
      {readOnly ? null : (
        <div className="inspector__actions">
          <button type="button" onClick={() => run('group')}>
            Group into block
          </button>
          <button type="button" onClick={() => run('duplicateSelection')}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={() => run('deleteSelection')}>
            Delete
          </button>
          <button type="button" onClick={() => store.dispatch('setTrainable', { trainable: false })}>
            Freeze weights
          </button>
          <button type="button" onClick={() => store.dispatch('setTrainable', { trainable: true })}>
            Unfreeze
          </button>
        </div>
      )}
    </section>
  );
}

function LayerInspector({ nodeId }: { nodeId: string }) {
  const { store, readOnly } = useEditor();
  // Moves (a drag) change the node and its view only in position: the inspector ignores them.
  const view = useEditorState(
    useCallback((s: EditorState) => nodeView(s, nodeId), [nodeId]),
    sameButPosition,
  );
  const node = useEditorState(
    useCallback((s: EditorState) => findNode(s.doc, nodeId), [nodeId]),
    sameButPosition,
  );
  const whole = useEditorState(analysisOf);
  const analysis = whole.nodes[nodeId];
  // Moves change the node but not its form: rebuild the fields only when params or the analysis change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: node.params and the analysis are what the form depends on
  const fields = useMemo(() => inspectorFields(store.getState(), nodeId), [store, nodeId, node?.params, node?.type, whole]);
  const [name, setName] = useState(node?.name ?? '');
  useEffect(() => setName(node?.name ?? ''), [node?.name]);
  if (!view || !node) return null;
  const spec = layerSpec(node.type);
  const problems = view.diagnostics;
  return (
    <section className="inspector" aria-label="Inspector" style={{ '--cat': categoryColor(view.category) } as CSSProperties}>
      <header className="inspector__head">
        <span className="inspector__category">{view.category ? CATEGORY_LABELS[view.category] : 'Unknown'}</span>
        <h2>{view.label}</h2>
      </header>
      {spec ? (
        <details className="inspector__doc">
          <summary>What it does</summary>
          <p>{spec.doc}</p>
        </details>
      ) : null}
      <div className="field">
        <label
          htmlFor={`name-${nodeId}`}
          className="field__label"
          title="The layer's name in the model (TF.js layer name); made unique automatically."
        >
          Name
        </label>
        <input
          id={`name-${nodeId}`}
          className="field__text"
          value={name}
          placeholder={view.layerName}
          readOnly={readOnly}
          maxLength={200}
          onChange={(e) => {
            setName(e.target.value);
            store.dispatch('renameNode', { nodeId, name: e.target.value });
          }}
          onBlur={() => store.seal()}
        />
      </div>
      <dl className="inspector__facts">
        <div>
          <dt>Output</dt>
          <dd>
            <code>
              {view.outputLabels.length > 0 ? view.outputLabels.join(', ') : view.status === 'blocked' ? 'waiting for its input' : '?'}
            </code>
          </dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd>{formatCount(view.paramCount)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{analysis?.flops === null || analysis?.flops === undefined ? '?' : `${formatFlops(analysis.flops)} / sample`}</dd>
        </div>
      </dl>
      {problems.length > 0 ? (
        <ul className="inspector__problems" aria-label="Problems with this layer">
          {problems.map((d) => (
            <li key={`${d.code}-${d.field ?? ''}-${d.edgeId ?? ''}-${d.message}`} className={`problem problem--${d.severity}`}>
              <strong>{d.message}</strong>
              {d.hint ? <span className="problem__hint">{d.hint}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="inspector__fields" aria-label={`${view.label} settings`} onSubmit={(e) => e.preventDefault()}>
        {fields.map((field) => (
          <InspectorFieldRow key={`${nodeId}:${field.path}`} field={field} nodeId={nodeId} layerType={node.type} params={node.params} />
        ))}
        {fields.length === 0 ? <p className="muted small">This layer has no settings.</p> : null}
        <div className="field field--boolean">
          <label
            htmlFor={`trainable-${nodeId}`}
            className="field__label"
            title="Frozen layers keep their weights while the rest of the model trains (transfer learning)."
          >
            Trainable
          </label>
          <input
            id={`trainable-${nodeId}`}
            type="checkbox"
            className="field__check"
            checked={view.trainable}
            disabled={readOnly}
            onChange={(e) => store.dispatch('setTrainable', { ids: [nodeId], trainable: e.target.checked })}
          />
        </div>
      </form>
      {readOnly ? null : <TransferActions nodeId={nodeId} />}
    </section>
  );
}
