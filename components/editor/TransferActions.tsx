'use client';

import { useId, useState } from 'react';
import { useEditor, useEditorState } from './EditorContext';
import { currentClassCount } from './store/selectors/head-defaults';

/**
 * Transfer learning on the selected layer: cut the model after it, freeze it and everything before
 * it, or replace the classifier head after it with one for a number of classes (global pooling when
 * needed, optional dropout, Dense with softmax). Each is one undoable edit.
 */
export function TransferActions({ nodeId, classes }: { nodeId: string; classes?: number }) {
  const { store, notify } = useEditor();
  const current = useEditorState(currentClassCount);
  const [count, setCount] = useState<string>('');
  const [dropout, setDropout] = useState<string>('0');
  const id = useId();
  const defaultClasses = classes ?? current;
  const report = (result: { ok: true } | { ok: false; reason: string }, done: string) =>
    result.ok ? notify(done, 'info') : notify(result.reason, 'error');

  const replace = () => {
    const wanted = count.trim() === '' ? defaultClasses : Number(count);
    const rate = dropout.trim() === '' ? 0 : Number(dropout);
    report(store.dispatch('replaceHead', { after: nodeId, classes: wanted, dropout: rate }), `New head for ${wanted} classes.`);
  };
  return (
    <details className="inspector__transfer" data-testid="transfer-actions" open>
      <summary>Transfer learning</summary>
      <div className="inspector__actions">
        <button
          type="button"
          title="Remove every layer after this one"
          onClick={() => report(store.dispatch('cutAfter', { nodeId }), 'Cut after this layer.')}
        >
          Cut after this layer
        </button>
        <button
          type="button"
          title="Keep the weights of this layer and of every layer before it while the rest trains"
          onClick={() => report(store.dispatch('freezeUpTo', { nodeId }), 'Frozen up to this layer.')}
        >
          Freeze everything up to here
        </button>
      </div>
      <form
        className="head-form"
        aria-label="Replace the head"
        onSubmit={(e) => {
          e.preventDefault();
          replace();
        }}
      >
        <label htmlFor={`${id}-classes`}>Classes</label>
        <input
          id={`${id}-classes`}
          type="number"
          min={2}
          step={1}
          value={count}
          placeholder={String(defaultClasses)}
          onChange={(e) => setCount(e.target.value)}
        />
        <label htmlFor={`${id}-dropout`}>Dropout</label>
        <input
          id={`${id}-dropout`}
          type="number"
          min={0}
          max={0.9}
          step={0.05}
          value={dropout}
          onChange={(e) => setDropout(e.target.value)}
        />
        <button type="submit" title="Remove the layers after this one and add a classifier for this many classes">
          Replace the head after this layer
        </button>
      </form>
    </details>
  );
}
