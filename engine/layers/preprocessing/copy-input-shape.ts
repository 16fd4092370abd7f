import type { TfLayer } from '../spec';

type TfShape = Parameters<TfLayer['computeOutputShape']>[0];

/**
 * TF.js 4.22's CenterCrop and CategoryEncoding compute their output shape by editing the input shape
 * they are handed, which is the upstream tensor's own shape: the model's Input then expects the
 * output's shape, and every model containing them fails on its first batch. Handing them a copy keeps
 * their (mirrored) output shape and leaves the upstream tensor alone.
 */
export function copyInputShape<L extends TfLayer>(layer: L): L {
  const compute = layer.computeOutputShape.bind(layer);
  layer.computeOutputShape = (shape: TfShape) =>
    compute(Array.isArray(shape[0]) ? (shape as (number | null)[][]).map((s) => [...s]) : [...(shape as (number | null)[])]);
  return layer;
}
