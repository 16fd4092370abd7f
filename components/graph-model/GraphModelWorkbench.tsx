'use client';

import '@/components/inside/inside.css';
import '@/components/predict/predict.css';
import './graph-model.css';
import { useEffect } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { GraphActivations } from './GraphActivations';
import { GraphModelFacts } from './GraphModelFacts';
import { GraphPredictPanel } from './GraphPredictPanel';
import { takeHandedOffGraphModel } from './handoff';
import { ModelFilesPicker } from './ModelFilesPicker';
import { useGraphModelWorker } from './useGraphModelWorker';

/**
 * A TF.js graph model opened in the browser for prediction and a look at its activations: the
 * files are chosen (or handed over from the editor's import), read and run in a worker, and never
 * leave the browser.
 */
export function GraphModelWorkbench() {
  const { state, open, predict, activate } = useGraphModelWorker();
  useEffect(() => {
    const handed = takeHandedOffGraphModel();
    if (handed) open(handed);
  }, [open]);
  const { opened } = state;
  const input = opened?.info.inputs[0];
  return (
    <div className="graph-model">
      <ModelFilesPicker onFiles={open} busy={state.opening} />
      {state.opening ? (
        <p className="muted" role="status">
          Opening the graph model…
        </p>
      ) : null}
      {state.openError ? (
        <div data-testid="open-error">
          <ErrorNote message={state.openError.message} />
          {state.openError.hint ? <p className="small muted">{state.openError.hint}</p> : null}
        </div>
      ) : null}
      {opened ? (
        <div className="graph-model__layout" key={`${opened.fileName}-${opened.nodes.length}`}>
          <div className="stack graph-model__main">
            {input ? (
              <GraphPredictPanel input={input} state={state} onPredict={predict} />
            ) : (
              <p className="panel">This model has no inputs to give values to.</p>
            )}
            {opened.info.inputs.length > 1 ? (
              <p className="small muted">
                The model has {opened.info.inputs.length} inputs; predictions give the first one your input and the others zeros.
              </p>
            ) : null}
            <GraphActivations nodes={opened.nodes} outputs={opened.info.outputs.map((o) => o.name)} state={state} onNode={activate} />
          </div>
          <GraphModelFacts fileName={opened.fileName} backend={opened.backend} info={opened.info} />
        </div>
      ) : null}
    </div>
  );
}
