import type { WeightArray } from '../import/weight-arrays';

/**
 * How a layer's weights are laid out in model files whose layout is not TF.js's own, declared with the
 * layer so that importers and exporters stay generic. Weights are named by their TF.js leaf
 * (`kernel`, `recurrent_kernel`, `bias`, `embeddings`…). A layer that stores its weights as TF.js
 * does in a format declares nothing for it.
 */
export interface WeightLayouts<P = Record<string, unknown>> {
  kerasH5?: KerasH5Layout<P>;
  onnx?: OnnxLayout;
}

/**
 * Keras HDF5 files (`.h5`). Keras 2 and 3 store weights as TF.js does, except inside wrappers; Keras 1
 * named, split and ordered some of them its own way, and Theano-trained files hold convolution
 * kernels flipped.
 */
export interface KerasH5Layout<P = Record<string, unknown>> {
  /**
   * A wrapper (Bidirectional, TimeDistributed) whose weights are those of its wrapped layer: one set
   * per entry of `copies`, scoped `<copy>_<wrapped name>` (`forward`, `backward`), told apart by
   * that scope in the file's names or else by position (the first share is the first copy); without
   * `copies`, one set under the wrapper's own name. Keras 1 weights convert by the wrapped layer's layout.
   */
  wraps?: { copies?: readonly string[] };
  /**
   * Keras 1 stored one weight per gate (`lstm_1_W_i`, `lstm_1_W_f`…): the gate letters in the order
   * Keras 2 and TF.js concatenate them along the last axis (LSTM `ifco`, GRU `zrh`).
   */
  keras1Gates?: string;
  /** Keras 1 weight names whose TF.js leaf differs from the usual one (`W` is `kernel`; Embedding's is `embeddings`). */
  keras1Leaves?: Readonly<Record<string, string>>;
  /** Keras 1 kernels were stored in the layer's dim ordering: this turns one into Keras 2's (…spatial, in, out). */
  keras1Kernel?(kernel: WeightArray, params: P): WeightArray;
  /**
   * Weights a Theano-trained file holds with their spatial axes reversed (Theano convolves where
   * TensorFlow correlates; Keras's `convert_kernel`): their leaves, e.g. `['kernel']`.
   */
  theanoFlipped?: readonly string[];
}

/**
 * ONNX files: initializers in NCHW / OIHW order and recurrent gates in ONNX's order. Declared per
 * layer as the ONNX importer and exporter need them.
 */
export interface OnnxLayout {
  /**
   * Per TF.js weight leaf, the axis permutation from the TF.js array to the ONNX initializer
   * (a Conv2D kernel: HWIO → OIHW is `[3, 2, 0, 1]`).
   */
  transpose?: Readonly<Record<string, readonly number[]>>;
  /** Recurrent layers: the gate letters in TF.js's order and in ONNX's (LSTM: `ifco` and `iofc`). */
  gates?: { tfjs: string; onnx: string };
}
