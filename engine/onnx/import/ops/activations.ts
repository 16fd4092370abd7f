import { type Tracked, Unsupported } from '../design-builder';
import { designAxis, onnxShape } from '../layouts';
import { type OpContext, type OpConverter, requireConstant } from '../op-context';
import { attrNumber } from '../op-graph';

/** Activations: folded into the layer before them where they can be, else an activation layer. */

/** Layers an activation may fold into (their own `activation` setting). */
export const FOLDS_ACTIVATION = new Set([
  'dense',
  'conv1d',
  'conv2d',
  'conv3d',
  'depthwiseConv2d',
  'separableConv2d',
  'conv2dTranspose',
  'conv3dTranspose',
]);

/** An activation: folded into the layer before it when that layer is linear and read only here, else an Activation layer. */
function activation(ctx: OpContext, name: string, fallback?: () => void): void {
  const x = ctx.tensor(0);
  const target = ctx.foldTarget(0);
  if (
    target &&
    FOLDS_ACTIVATION.has(target.type) &&
    (target.params.activation ?? 'linear') === 'linear' &&
    (name !== 'softmax' || target.type === 'dense')
  ) {
    target.params.activation = name;
    ctx.folded(target.nodeId);
    ctx.setOutput(0, x);
    return;
  }
  if (fallback) {
    fallback();
    return;
  }
  const [y] = ctx.layer('activation', { activation: name }, [x]);
  ctx.setOutput(0, { ...(y as Tracked), perm: x.perm });
}

const simple =
  (name: string): OpConverter =>
  (ctx) =>
    activation(ctx, name);

/** A layer of the same shape as its input (activations with settings). */
export function sameShape(ctx: OpContext, type: string, params: Record<string, unknown>, weights = {}): void {
  const x = ctx.tensor(0);
  const [y] = ctx.layer(type, params, [x], weights);
  ctx.setOutput(0, { ...(y as Tracked), perm: x.perm });
}

const clip: OpConverter = (ctx) => {
  const min = Number(ctx.constant(1)?.data[0] ?? attrNumber(ctx.node, 'min', Number.NEGATIVE_INFINITY));
  const max = Number(ctx.constant(2)?.data[0] ?? attrNumber(ctx.node, 'max', Number.POSITIVE_INFINITY));
  if (min !== 0) throw new Unsupported(`it clips to [${min}, ${max}]; only clipping at 0 is a ReLU`);
  if (max === 6) return activation(ctx, 'relu6', () => sameShape(ctx, 'relu', { maxValue: 6 }));
  sameShape(ctx, 'relu', { maxValue: Number.isFinite(max) ? max : null });
};

/** Softmax over the design's last axis (TF.js has no other). Before opset 13 it flattened from `axis`, the same on a matrix. */
const softmax: OpConverter = (ctx) => {
  const x = ctx.tensor(0);
  const rank = x.perm?.length ?? 2;
  const axis = attrNumber(ctx.node, 'axis', ctx.opset >= 13 ? -1 : 1);
  // Flattening from `axis` is one softmax over that axis when every later axis has size 1.
  const start = axis < 0 ? axis + rank : axis;
  const later = (onnxShape(x) ?? []).slice(start + 1);
  const single = ctx.opset >= 13 || rank === 2 || start === rank - 1 || (later.length > 0 && later.every((d) => d === 1));
  if (!single || designAxis(x, axis) !== -1) {
    throw new Unsupported(
      `it normalises over axis ${axis}, and TF.js's softmax works on the last axis only`,
      'Put a Permute before and after a Softmax layer to bring that axis last.',
    );
  }
  activation(ctx, 'softmax', () => sameShape(ctx, 'softmax', { axis: -1 }));
};

const hardSigmoid: OpConverter = (ctx) => {
  if (attrNumber(ctx.node, 'alpha', 0.2) !== 0.2 || Math.abs(attrNumber(ctx.node, 'beta', 0.5) - 0.5) > 1e-7) {
    throw new Unsupported('its slope and offset differ from 0.2 and 0.5');
  }
  activation(ctx, 'hardSigmoid');
};

const prelu: OpConverter = (ctx) => {
  const x = ctx.tensor(0);
  const slope = requireConstant(ctx, 1, 'slopes');
  const shape = x.shape;
  if (!shape || shape.some((d, i) => i > 0 && d === null)) throw new Unsupported('the size of its input is not known');
  const rank = shape.length;
  const channels = shape[rank - 1] as number;
  // The slopes may vary along one ONNX axis (broadcast from the right), which must be the design's last.
  const onnxRank = x.perm?.length ?? rank;
  const varying = slope.dims.flatMap((d, j) => (d > 1 ? [onnxRank - slope.dims.length + j] : []));
  const perChannel = varying.length === 1 && x.perm?.[varying[0] as number] === rank - 1 && slope.data.length === channels;
  if (slope.data.length !== 1 && !perChannel) throw new Unsupported('its slopes are not one per channel');
  // One slope for everything shares every axis; one per channel shares the spatial axes.
  const single = slope.data.length === 1;
  const shared = Array.from({ length: single ? rank - 1 : rank - 2 }, (_, i) => i + 1);
  const alphaShape = single ? new Array(rank - 1).fill(1) : [...new Array(rank - 2).fill(1), channels];
  const values = Float32Array.from(slope.data, Number);
  sameShape(ctx, 'prelu', { sharedAxes: shared.length > 0 ? shared : null }, { alpha: { values, shape: alphaShape, dtype: 'float32' } });
};

/** LRN: nothing in TF.js computes it. */
const lrn: OpConverter = () => {
  throw new Unsupported(
    'local response normalisation (LRN) has no TF.js layer',
    'Delete it (it only rescales activations slightly, and the layers around it keep working), or put a BatchNormalization there and retrain.',
  );
};

export const ACTIVATION_OPS: Record<string, OpConverter> = {
  LRN: lrn,
  Relu: simple('relu'),
  Sigmoid: simple('sigmoid'),
  Tanh: simple('tanh'),
  Softplus: simple('softplus'),
  Softsign: simple('softsign'),
  Selu: (ctx) => {
    // TF.js's selu has the standard constants only.
    const standard =
      Math.abs(attrNumber(ctx.node, 'alpha', 1.6732632) - 1.6732632) < 1e-5 &&
      Math.abs(attrNumber(ctx.node, 'gamma', 1.0507009) - 1.0507009) < 1e-5;
    if (!standard) throw new Unsupported('its alpha and gamma differ from the standard SELU constants, the only ones TF.js has');
    activation(ctx, 'selu');
  },
  Elu: (ctx) => {
    const alpha = attrNumber(ctx.node, 'alpha', 1);
    if (alpha !== 1) throw new Unsupported(`its alpha is ${alpha}; TF.js's ELU has alpha 1 only`);
    activation(ctx, 'elu');
  },
  LeakyRelu: (ctx) => sameShape(ctx, 'leakyRelu', { alpha: attrNumber(ctx.node, 'alpha', 0.01) }),
  ThresholdedRelu: (ctx) => sameShape(ctx, 'thresholdedRelu', { theta: attrNumber(ctx.node, 'alpha', 1) }),
  HardSigmoid: hardSigmoid,
  Clip: clip,
  Softmax: softmax,
  PRelu: prelu,
};
