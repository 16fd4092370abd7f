'use client';

import { useEffect, useState } from 'react';
import { LayerPicture, shapeWords } from '@/components/inside/LayerPicture';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { GraphNodeInfo } from '@/engine/graph-model/graph-model-nodes';
import type { GraphModelState } from './useGraphModelWorker';

/** The node shown first: the first convolution, whose feature maps still look like the picture. */
function firstNode(nodes: GraphNodeInfo[]): string | undefined {
  return (nodes.find((n) => /conv/i.test(n.op)) ?? nodes[0])?.name;
}

/**
 * Inside the graph: any node's output for the current input, drawn like the Inside tab draws a
 * layer's — a grid of feature maps for a spatial activation, bars for a vector.
 */
export function GraphActivations({
  nodes,
  outputs,
  state,
  onNode,
}: {
  nodes: GraphNodeInfo[];
  outputs: string[];
  state: GraphModelState;
  onNode(name: string): void;
}) {
  const [node, setNode] = useState<string | undefined>(() => firstNode(nodes));
  const predictedAt = state.prediction;
  // Each new prediction shows the chosen node for the new input.
  useEffect(() => {
    if (predictedAt && node) onNode(node);
  }, [predictedAt, node, onNode]);
  const shown = state.activation?.output.layer === node ? state.activation?.output : undefined;
  const info = nodes.find((n) => n.name === node);
  return (
    <section className="panel stack inside" aria-label="Activations">
      <h2>Activations</h2>
      <label>
        Node ({nodes.length} that compute from the input, in order)
        <select aria-label="Node" value={node ?? ''} onChange={(e) => setNode(e.currentTarget.value)}>
          {nodes.map((n) => (
            <option key={n.name} value={n.name}>
              {n.step}. {n.name} ({n.op})
            </option>
          ))}
        </select>
      </label>
      {!predictedAt ? <p className="muted small">Predict on an input to see what each node makes of it.</p> : null}
      <ErrorNote message={state.activationError?.message} />
      {shown && info ? (
        <div data-testid="graph-activation" data-node={shown.layer}>
          <p className="small" data-testid="activation-facts">
            <strong>{info.op}</strong> · output <strong>{shapeWords(shown.shape) || 'a single value'}</strong> · values from{' '}
            <strong>{shown.min.toPrecision(3)}</strong> to <strong>{shown.max.toPrecision(3)}</strong>
          </p>
          <LayerPicture output={shown} classes={null} last={outputs.includes(shown.layer)} />
        </div>
      ) : null}
    </section>
  );
}
