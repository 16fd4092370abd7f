/**
 * A layer in the form two model files can be compared in. Formats spell the same computation
 * differently: a ReLU layer in Keras is an `Activation('relu')` after an ONNX import, pooling strides
 * left empty mean the pool size, and settings that only matter while training (initializers,
 * regularizers, BatchNormalization's momentum) are not kept by ONNX or Caffe at all. Comparing the
 * canonical forms reports what the networks compute differently, not how their files spell it.
 */
export interface CanonicalLayer {
  type: string;
  params: Record<string, unknown>;
}

/** Parameter keys that shape training only; formats made for inference drop them. */
const TRAINING_ONLY = /(Initializer|Regularizer|Constraint)$/;
const TRAINING_ONLY_KEYS = new Set(['momentum']);

/** Activation layers whose defaults are one of the `activation` functions. */
const AS_ACTIVATION: Record<string, (p: Record<string, unknown>) => string | undefined> = {
  relu: (p) => (p.maxValue === null || p.maxValue === undefined ? 'relu' : p.maxValue === 6 ? 'relu6' : undefined),
  softmax: (p) => (p.axis === undefined || p.axis === -1 ? 'softmax' : undefined),
  elu: (p) => (p.alpha === undefined || p.alpha === 1 ? 'elu' : undefined),
};

/** Layers that pass their input through unchanged at inference. */
export const INFERENCE_NO_OPS = new Set(['dropout', 'alphaDropout', 'gaussianDropout', 'gaussianNoise', 'spatialDropout1d']);

/**
 * The canonical form of a layer from its type and resolved parameters (defaults filled in).
 *
 * @example
 * canonicalLayer('relu', { maxValue: null }); // { type: 'activation', params: { activation: 'relu' } }
 */
export function canonicalLayer(type: string, params: Record<string, unknown> | null): CanonicalLayer {
  const p: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (!TRAINING_ONLY.test(key) && !TRAINING_ONLY_KEYS.has(key) && value !== undefined) p[key] = value;
  }
  const activation = AS_ACTIVATION[type]?.(p);
  if (activation) return { type: 'activation', params: { activation } };
  if (p.strides === null && Array.isArray(p.poolSize)) p.strides = p.poolSize;
  return { type, params: p };
}

/** The activation a layer applies: its `activation` setting, or `undefined` for a layer without one. */
export function activationOf(layer: CanonicalLayer): string | undefined {
  return typeof layer.params.activation === 'string' ? layer.params.activation : undefined;
}
