import type { OpConverter } from './op-context';
import { ACTIVATION_OPS } from './ops/activations';
import { ARITHMETIC_OPS } from './ops/arithmetic';
import { CONSTANT_OPS } from './ops/constants';
import { CONVOLUTION_OPS } from './ops/convolution';
import { DENSE_OPS } from './ops/dense';
import { IMAGE_OPS } from './ops/image';
import { POOLING_OPS } from './ops/pooling';
import { RECURRENT_OPS } from './ops/recurrent';
import { STRUCTURE_OPS } from './ops/structure';

/** Every ONNX operation the importer maps, by op type; any other becomes a placeholder. */
export const OP_CONVERTERS: Readonly<Record<string, OpConverter>> = {
  ...STRUCTURE_OPS,
  ...CONSTANT_OPS,
  ...CONVOLUTION_OPS,
  ...POOLING_OPS,
  ...DENSE_OPS,
  ...ACTIVATION_OPS,
  ...ARITHMETIC_OPS,
  ...IMAGE_OPS,
  ...RECURRENT_OPS,
};

/** Operations without a layer whose output has their input's shape, so the shapes after their placeholder stay known to the importer. */
export const SAME_SHAPE_OPS = new Set([
  'LRN',
  'InstanceNormalization',
  'LogSoftmax',
  'HardSwish',
  'Gelu',
  'Mish',
  'Erf',
  'Exp',
  'Log',
  'Abs',
  'Neg',
  'Sqrt',
  'Reciprocal',
  'Floor',
  'Ceil',
  'Round',
  'Sign',
  'Shrink',
]);
