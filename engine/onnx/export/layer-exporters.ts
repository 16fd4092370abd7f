import { type LayerExporter, passThrough } from './emit-context';
import * as activation from './layers/activation';
import * as convolution from './layers/convolution';
import * as core from './layers/core';
import * as merge from './layers/merge';
import * as normalization from './layers/normalization';
import * as pooling from './layers/pooling';
import * as recurrent from './layers/recurrent';
import * as reshaping from './layers/reshaping';

/**
 * How each layer type becomes ONNX, by layer type id. A type missing here cannot be exported, and
 * the export names every node of such a type before writing anything. Layers that only act while
 * training (dropout, noise) pass their input through.
 */
export const LAYER_EXPORTERS: Readonly<Record<string, LayerExporter>> = {
  dense: core.dense,
  activation: core.activation,
  flatten: core.flatten,
  reshape: core.reshape,
  permute: core.permute,
  repeatVector: core.repeatVector,
  rescaling: core.rescaling,
  embedding: core.embedding,
  timeDistributed: core.timeDistributed,
  conv1d: convolution.standardConv,
  conv2d: convolution.standardConv,
  conv3d: convolution.standardConv,
  depthwiseConv2d: convolution.depthwiseConv,
  separableConv2d: convolution.separableConv,
  conv2dTranspose: convolution.transposedConv,
  conv3dTranspose: convolution.transposedConv,
  maxPooling1d: pooling.maxPool,
  maxPooling2d: pooling.maxPool,
  maxPooling3d: pooling.maxPool,
  averagePooling1d: pooling.averagePool,
  averagePooling2d: pooling.averagePool,
  averagePooling3d: pooling.averagePool,
  globalAveragePooling1d: pooling.globalAveragePool,
  globalAveragePooling2d: pooling.globalAveragePool,
  globalMaxPooling1d: pooling.globalMaxPool,
  globalMaxPooling2d: pooling.globalMaxPool,
  batchNormalization: normalization.batchNormalization,
  layerNormalization: normalization.layerNormalization,
  add: merge.add,
  multiply: merge.multiply,
  average: merge.average,
  maximum: merge.maximum,
  minimum: merge.minimum,
  concatenate: merge.concatenate,
  relu: activation.relu,
  leakyRelu: activation.leakyRelu,
  elu: activation.elu,
  thresholdedRelu: activation.thresholdedRelu,
  softmax: activation.softmax,
  prelu: activation.prelu,
  zeroPadding2d: reshaping.zeroPadding2d,
  cropping2d: reshaping.cropping2d,
  upSampling2d: reshaping.upSampling2d,
  lstm: recurrent.lstm,
  gru: recurrent.gru,
  simpleRnn: recurrent.simpleRnn,
  bidirectional: recurrent.bidirectional,
  dropout: passThrough,
  alphaDropout: passThrough,
  gaussianDropout: passThrough,
  gaussianNoise: passThrough,
  spatialDropout1d: passThrough,
};
