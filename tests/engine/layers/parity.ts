import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { isLayerIssue } from '../../../engine/diagnostics';
import { layerSpec } from '../../../engine/layers/registry';
import type { Shape } from '../../../engine/shape';

/**
 * One row of the parity table: a layer type, some params and input shapes. By default both our spec
 * and TF.js must accept it and agree on output shapes and parameter counts; with `rejects`, both must
 * refuse it (TF.js by throwing, our spec with a diagnostic).
 */
export interface ParityCase {
  type: string;
  params: Record<string, unknown>;
  inputs: Shape[];
  rejects?: boolean;
}

let counter = 0;

/** Builds the real TF.js layer, applies it to symbolic inputs and compares with the spec's rules. */
export function checkParity(c: ParityCase): void {
  const spec = layerSpec(c.type);
  expect(spec, `spec ${c.type}`).toBeDefined();
  if (!spec) return;
  const params = spec.params.parse(c.params) as Record<string, unknown>;
  const ours = spec.outputShape(c.inputs, params);
  let theirs: Shape[] | Error;
  let layer: tf.layers.Layer | undefined;
  try {
    layer = spec.build(tf, params, { name: `${c.type}_${++counter}`, trainable: true });
    if (c.inputs.length === 0) {
      // An InputLayer is not applied; its output is the tensor it was created with.
      theirs = layer.inboundNodes[0]?.outputTensors.map((t) => t.shape as Shape) ?? [];
    } else {
      const symbolic = c.inputs.map((shape) => tf.input({ batchShape: shape }));
      const out = layer.apply(symbolic.length === 1 ? (symbolic[0] as tf.SymbolicTensor) : symbolic) as
        | tf.SymbolicTensor
        | tf.SymbolicTensor[];
      // TF.js marks an unknown size with null, or with undefined in a few shape rules (RandomWidth's height).
      theirs = (Array.isArray(out) ? out : [out]).map((t) => (t.shape as Shape).map((d) => d ?? null));
    }
  } catch (error) {
    theirs = error as Error;
  }
  if (c.rejects) {
    expect(theirs, 'TF.js should reject this case').toBeInstanceOf(Error);
    expect(isLayerIssue(ours), `our spec should reject it too, got ${JSON.stringify(ours)}`).toBe(true);
    return;
  }
  if (theirs instanceof Error) throw new Error(`TF.js rejected a case the table expects to work: ${theirs.message}`);
  expect(isLayerIssue(ours) ? ours : undefined, 'our spec rejected a case TF.js accepts').toBeUndefined();
  expect(ours).toEqual(theirs);
  const count = spec.countParams(c.inputs, params);
  expect(count.trainable + count.nonTrainable, 'total params').toBe(layer?.countParams());
  const nonTrainable = (layer?.nonTrainableWeights ?? []).reduce((n, w) => n + (w.shape as number[]).reduce((a, b) => a * b, 1), 0);
  expect(count.nonTrainable, 'non-trainable params').toBe(nonTrainable);
}
