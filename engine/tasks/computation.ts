import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from '../layers/spec';

/**
 * A loss or metric computed by NetCanvas: the value per sample (or already averaged) of a batch, from
 * TF.js ops on the namespace passed in. TF.js averages what it returns over the batch; a loss is
 * differentiated through it, so it must use only differentiable ops.
 */
export type TensorFunction = (tf: Tf, yTrue: tfjs.Tensor, yPred: tfjs.Tensor) => tfjs.Tensor;

/** How TF.js computes a loss or a metric: by a name `model.compile` knows, or by a function of ours. */
export type Computation =
  | {
      /**
       * The name `model.compile` knows, e.g. `categoricalCrossentropy`. Prefer it where TF.js has one:
       * TF.js picks the matching accuracy (binary, sparse or categorical) by recognising its own losses.
       */
      builtin: string;
      compute?: never;
    }
  | {
      builtin?: never;
      /** The function of TF.js ops, for what `model.compile` does not name. */
      compute: TensorFunction;
    };

/** What `model.compile` accepts as a loss or a metric. */
export type CompiledFunction = string | ((yTrue: tfjs.Tensor, yPred: tfjs.Tensor) => tfjs.Tensor);

/**
 * The built-in name, or the function bound to the TF.js namespace. The function is named after the
 * spec's id, which is the name TF.js gives its figure in the logs (and so the key NetCanvas shows).
 */
export function compiled(tf: Tf, id: string, computation: Computation): CompiledFunction {
  if (computation.builtin !== undefined) return computation.builtin;
  const compute = computation.compute;
  const fn = (yTrue: tfjs.Tensor, yPred: tfjs.Tensor) => compute(tf, yTrue, yPred);
  Object.defineProperty(fn, 'name', { value: id });
  return fn;
}
