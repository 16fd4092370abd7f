import { field, fields, isMessage, parseTextProto, TextFormatError, type TextMessage, type TextValue } from './prototxt';

/** One layer of a Caffe net definition, with its own `*_param` messages. */
export interface CaffeLayer {
  name: string;
  type: string;
  bottoms: string[];
  tops: string[];
  message: TextMessage;
}

export interface CaffeNet {
  name?: string;
  /** Declared inputs with their `(N, C, H, W)`-style shapes. */
  inputs: { name: string; dims: number[] }[];
  layers: CaffeLayer[];
}

export type ReadNet = { ok: true; net: CaffeNet } | { ok: false; message: string };

/** The V1 (`layers { type: CONVOLUTION }`) layer type names, as the current format spells them. */
const V1_TYPES: Record<string, string> = {
  ABSVAL: 'AbsVal',
  ACCURACY: 'Accuracy',
  ARGMAX: 'ArgMax',
  BNLL: 'BNLL',
  CONCAT: 'Concat',
  CONVOLUTION: 'Convolution',
  DATA: 'Data',
  DECONVOLUTION: 'Deconvolution',
  DROPOUT: 'Dropout',
  ELTWISE: 'Eltwise',
  EXP: 'Exp',
  FLATTEN: 'Flatten',
  IMAGE_DATA: 'ImageData',
  INNER_PRODUCT: 'InnerProduct',
  LRN: 'LRN',
  MEMORY_DATA: 'MemoryData',
  MVN: 'MVN',
  POOLING: 'Pooling',
  POWER: 'Power',
  RELU: 'ReLU',
  SIGMOID: 'Sigmoid',
  SILENCE: 'Silence',
  SOFTMAX: 'Softmax',
  SOFTMAX_LOSS: 'SoftmaxWithLoss',
  SPLIT: 'Split',
  SLICE: 'Slice',
  TANH: 'TanH',
  THRESHOLD: 'Threshold',
};

const str = (v: TextValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: TextValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

/** Layers that only exist while training (data, losses, accuracy) and layers that do nothing at inference. */
const TRAINING_ONLY = new Set([
  'Data',
  'ImageData',
  'HDF5Data',
  'MemoryData',
  'WindowData',
  'DummyData',
  'Accuracy',
  'SoftmaxWithLoss',
  'EuclideanLoss',
  'SigmoidCrossEntropyLoss',
  'HingeLoss',
  'InfogainLoss',
  'ContrastiveLoss',
  'MultinomialLogisticLoss',
  'Silence',
]);

/**
 * Reads a Caffe net definition (`deploy.prototxt`, current or V1 layout). Inputs come from `input:`
 * with `input_dim`/`input_shape`, or from `Input` layers. Training-only layers are left out. Never throws.
 */
export function readCaffeNet(source: string): ReadNet {
  let root: TextMessage;
  try {
    root = parseTextProto(source);
  } catch (error) {
    if (error instanceof TextFormatError) return { ok: false, message: `The prototxt is not valid protobuf text: ${error.message}.` };
    throw error;
  }
  const inputs: CaffeNet['inputs'] = [];
  const names = fields(root, 'input')
    .map(str)
    .filter((n): n is string => Boolean(n));
  const shapes = fields(root, 'input_shape')
    .filter(isMessage)
    .map((m) => fields(m, 'dim').map(Number));
  const flatDims = fields(root, 'input_dim').map(Number);
  for (const [i, name] of names.entries()) inputs.push({ name, dims: shapes[i] ?? flatDims.slice(i * 4, i * 4 + 4) });
  const layers: CaffeLayer[] = [];
  for (const entry of [...fields(root, 'layer'), ...fields(root, 'layers')]) {
    if (!isMessage(entry)) continue;
    const rawType = str(field(entry, 'type')) ?? String(field(entry, 'type') ?? '');
    const type = V1_TYPES[rawType] ?? rawType;
    const name = str(field(entry, 'name')) ?? `${type}_${layers.length + 1}`;
    const tops = fields(entry, 'top').map(String);
    if (type === 'Input') {
      const param = field(entry, 'input_param');
      const shapesOf = isMessage(param) ? fields(param, 'shape').filter(isMessage) : [];
      for (const [i, top] of tops.entries())
        inputs.push({ name: top, dims: fields(shapesOf[i] ?? shapesOf[0] ?? { fields: new Map() }, 'dim').map(Number) });
      continue;
    }
    if (TRAINING_ONLY.has(type) || testOnly(entry)) continue;
    layers.push({ name, type, bottoms: fields(entry, 'bottom').map(String), tops, message: entry });
  }
  if (layers.length === 0) return { ok: false, message: 'The prototxt defines no layers.' };
  if (inputs.length === 0) return { ok: false, message: 'The prototxt declares no input (an "input:" with its dims, or an Input layer).' };
  const netName = str(field(root, 'name'));
  return { ok: true, net: { ...(netName ? { name: netName } : {}), inputs, layers } };
}

/** A layer included only in the TRAIN phase (train_val files). */
function testOnly(layer: TextMessage): boolean {
  const include = field(layer, 'include');
  return isMessage(include) && field(include, 'phase') === 'TRAIN';
}

/** The number of a `*_param` field, or its fallback. */
export function paramNumber(param: TextMessage | undefined, name: string, fallback: number): number {
  return param ? (num(field(param, name)) ?? fallback) : fallback;
}

/** A layer's `*_param` message. */
export function layerParam(layer: CaffeLayer, name: string): TextMessage | undefined {
  const v = field(layer.message, name);
  return isMessage(v) ? v : undefined;
}
