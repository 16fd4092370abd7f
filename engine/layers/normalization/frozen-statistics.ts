import type * as tfjs from '@tensorflow/tfjs';

type Call = tfjs.layers.Layer['call'];

/**
 * Gives a BatchNormalization layer Keras' rule for frozen ones: while it is not trainable it
 * normalises with its moving statistics and leaves them alone. TF.js by itself keeps updating the
 * moving mean and variance in training even when the layer is frozen, so a frozen pretrained
 * backbone would drift towards the new data's statistics. The flag is read on every call, so a
 * layer unfrozen for fine-tuning trains (and updates its statistics) again.
 */
export function frozenUsesMovingStatistics<L extends tfjs.layers.Layer>(layer: L): L {
  const call: Call = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => call(inputs, layer.trainable ? kwargs : { ...kwargs, training: false });
  return layer;
}
