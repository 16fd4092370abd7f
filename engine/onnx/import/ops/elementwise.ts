import type { TensorValues } from '../../tensors';
import { type Tracked, Unsupported } from '../design-builder';
import { channelsFirstPerm, designAxis, onnxShape, withPerm } from '../layouts';
import { type OpContext, type OpConverter, requireConstant, weightOf } from '../op-context';
import { attrInts, attrNumber, attrString } from '../op-graph';
import { biasVector } from './dense';

/** Activations, arithmetic, normalisation, padding and resizing. */

/** Layers an activation may fold into (their own `activation` setting). */
const FOLDS_ACTIVATION = new Set([
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
function sameShape(ctx: OpContext, type: string, params: Record<string, unknown>, weights = {}): void {
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

/** Adds a constant: a bias folded into the layer before, or a Rescaling offset. */
function addConstant(ctx: OpContext, tensorIndex: number, constant: TensorValues, sign: number): void {
  const c = constant.data;
  const x = ctx.tensor(tensorIndex);
  const target = ctx.foldTarget(tensorIndex);
  const units = x.shape?.at(-1);
  const vector = units
    ? biasVector(
        Array.from(c, (v) => Number(v) * sign),
        units,
      )
    : undefined;
  const rank = x.perm?.length ?? 0;
  // The constant must vary along ONNX axis 1 only (numpy broadcasting aligns it to the right), and that axis must be the design's last.
  // Before opset 7, Add broadcast with an explicit `axis` instead of from the right.
  const legacyAxis =
    ctx.node.attrs.broadcast === 1 && typeof ctx.node.attrs.axis === 'number' ? (ctx.node.attrs.axis as number) : undefined;
  const start = legacyAxis ?? rank - constant.dims.length;
  const alongChannels = constant.dims.every((d, j) => d === 1 || start + j === 1) && x.perm?.[1] === (x.shape?.length ?? 0) - 1;
  if (
    target &&
    FOLDS_ACTIVATION.has(target.type) &&
    target.params.useBias === false &&
    (target.params.activation ?? 'linear') === 'linear' &&
    vector &&
    alongChannels
  ) {
    target.params.useBias = true;
    ctx.b.weights[`${target.nodeId}/bias`] = { values: vector, shape: [vector.length], dtype: 'float32' };
    ctx.folded(target.nodeId, 'bias');
    ctx.setOutput(0, x);
    return;
  }
  if (c.length !== 1)
    throw new Unsupported('it adds a constant tensor, which no layer holds', 'Fold the constant into the bias of the layer before.');
  sameShape(ctx, 'rescaling', { scale: 1, offset: Number(c[0]) * sign });
}

function arithmetic(op: 'Add' | 'Sub' | 'Mul' | 'Div'): OpConverter {
  return (ctx) => {
    const a = ctx.constant(0);
    const b = ctx.constant(1);
    if (a && b) {
      if (a.dims.length > 1 || b.dims.length > 1) throw new Unsupported('it computes with constant tensors');
      const n = Math.max(a.data.length, b.data.length);
      const at = (v: typeof a, i: number) => Number(v.data[v.data.length === 1 ? 0 : i] ?? 0);
      const f = {
        Add: (x: number, y: number) => x + y,
        Sub: (x: number, y: number) => x - y,
        Mul: (x: number, y: number) => x * y,
        Div: (x: number, y: number) => (a.kind === 'int' ? Math.trunc(x / y) : x / y),
      }[op];
      const data = Array.from({ length: n }, (_, i) => f(at(a, i), at(b, i)));
      return ctx.setOutput(
        0,
        a.kind === 'int' && b.kind === 'int'
          ? { dims: a.dims.length >= b.dims.length ? a.dims : b.dims, kind: 'int', data }
          : { dims: a.dims.length >= b.dims.length ? a.dims : b.dims, kind: 'float', data: Float32Array.from(data) },
      );
    }
    const c = a ?? b;
    if (c) {
      const tensorIndex = a ? 1 : 0;
      if (op === 'Add') return addConstant(ctx, tensorIndex, c, 1);
      if (op === 'Sub' && b) return addConstant(ctx, 0, c, -1);
      if (c.data.length !== 1) throw new Unsupported(`it ${op === 'Mul' ? 'multiplies' : 'divides'} by a constant tensor`);
      const k = Number(c.data[0]);
      if (op === 'Mul') return sameShape({ ...ctx, tensor: () => ctx.tensor(tensorIndex) }, 'rescaling', { scale: k, offset: 0 });
      if (op === 'Div' && b) return sameShape(ctx, 'rescaling', { scale: 1 / k, offset: 0 });
      throw new Unsupported(`it ${op === 'Sub' ? 'subtracts a tensor from a constant' : 'divides a constant by a tensor'}`);
    }
    const merge = { Add: 'add', Mul: 'multiply' }[op as 'Add' | 'Mul'];
    if (!merge)
      throw new Unsupported(
        `${op === 'Sub' ? 'subtracting' : 'dividing'} two tensors has no merge layer`,
        op === 'Sub' ? 'Replace it with an Add of the first input and a negated (Rescaling −1) second input.' : undefined,
      );
    mergeLayer(ctx, merge, [0, 1]);
  };
}

/** A merge layer over tensors of one shape (the layout of the first input). */
function mergeLayer(ctx: OpContext, type: string, indices: number[]): void {
  const first = ctx.tensor(indices[0] ?? 0);
  if (!first.perm) throw new Unsupported('the layout of its input is not known');
  const tensors = indices.map((i) => withPerm(ctx.b, ctx.tensor(i), first.perm as number[], ctx.name));
  const shapes = tensors.map((t) => onnxShape(t)?.join());
  if (shapes.some((s) => s !== shapes[0])) throw new Unsupported('it broadcasts tensors of different shapes, which merge layers do not');
  const [y] = ctx.layer(type, {}, tensors);
  ctx.setOutput(0, { ...(y as Tracked), perm: first.perm });
}

const variadic =
  (type: string): OpConverter =>
  (ctx) =>
    ctx.node.inputs.length === 1
      ? ctx.setOutput(0, ctx.tensor(0))
      : mergeLayer(
          ctx,
          type,
          ctx.node.inputs.map((_, i) => i),
        );

const batchNormalization: OpConverter = (ctx) => {
  const raw = ctx.tensor(0);
  const rank = raw.perm?.length ?? 0;
  const x = rank > 2 ? withPerm(ctx.b, raw, channelsFirstPerm(rank), ctx.name) : raw;
  const [scale, bias, mean, variance] = [1, 2, 3, 4].map((i) => requireConstant(ctx, i, 'statistics'));
  const channels = mean?.data.length ?? 0;
  const [y] = ctx.layer(
    'batchNormalization',
    { axis: -1, epsilon: Math.max(attrNumber(ctx.node, 'epsilon', 1e-5), 1e-12), momentum: attrNumber(ctx.node, 'momentum', 0.9) },
    [x],
    {
      gamma: weightOf(scale as never, [channels]),
      beta: weightOf(bias as never, [channels]),
      moving_mean: weightOf(mean as never, [channels]),
      moving_variance: weightOf(variance as never, [channels]),
    },
  );
  ctx.setOutput(0, { ...(y as Tracked), perm: x.perm });
};

/** Pad with zeros on the spatial axes of an image: ZeroPadding2D (whatever the file's layout, the padded axes must be the design's height and width). */
const pad: OpConverter = (ctx) => {
  const mode = attrString(ctx.node, 'mode', 'constant');
  const pads = ctx.constant(1) ? Array.from(ctx.constant(1)?.data ?? [], Number) : attrInts(ctx.node, 'pads');
  const value = Number(ctx.constant(2)?.data[0] ?? attrNumber(ctx.node, 'value', 0));
  if (mode !== 'constant' || value !== 0)
    throw new Unsupported(`it pads with ${mode === 'constant' ? `the value ${value}` : `${mode} mode`}; only zero padding has a layer`);
  const raw = ctx.tensor(0);
  const rank = raw.perm?.length ?? 0;
  if (!pads || rank !== 4 || raw.shape?.length !== 4) throw new Unsupported('it pads something other than a 4-D image');
  const x = raw.perm?.[1] === 3 || raw.perm?.every((p, i) => p === i) ? raw : withPerm(ctx.b, raw, channelsFirstPerm(4), ctx.name);
  const byDesignAxis = new Map<number, [number, number]>();
  for (let i = 0; i < 4; i++) byDesignAxis.set(x.perm?.[i] ?? -1, [pads[i] ?? 0, pads[i + 4] ?? 0]);
  const [top, bottom] = byDesignAxis.get(1) ?? [0, 0];
  const [left, right] = byDesignAxis.get(2) ?? [0, 0];
  if ([0, 3].some((d) => (byDesignAxis.get(d) ?? [0, 0]).some((v) => v !== 0))) throw new Unsupported('it pads the batch or channel axis');
  const [y] = ctx.layer(
    'zeroPadding2d',
    {
      padding: [
        [top, bottom],
        [left, right],
      ],
    },
    [x],
  );
  ctx.setOutput(0, { ...(y as Tracked), perm: x.perm });
};

/** Resize / Upsample by whole factors on the spatial axes: UpSampling2D (nearest, or bilinear without half-pixel centres). */
const resize: OpConverter = (ctx) => {
  const raw = ctx.tensor(0);
  if ((raw.perm?.length ?? 0) !== 4) throw new Unsupported('it resizes something other than a 4-D image');
  const scalesInput = ctx.node.op === 'Upsample' ? ctx.constant(1) : ctx.constant(2);
  const scales =
    scalesInput?.data.length === 4 ? Array.from(scalesInput?.data ?? [], Number) : (attrInts(ctx.node, 'scales') as number[] | undefined);
  if (scales?.[0] !== 1 || scales[1] !== 1 || !scales.slice(2).every((s) => Number.isInteger(s)))
    throw new Unsupported('it resizes by other than whole factors of height and width');
  const mode = attrString(ctx.node, 'mode', 'nearest');
  const transform = attrString(ctx.node, 'coordinate_transformation_mode', ctx.node.op === 'Upsample' ? 'asymmetric' : 'half_pixel');
  const x = withPerm(ctx.b, raw, channelsFirstPerm(4), ctx.name);
  const exact = mode === 'nearest' ? true : transform === 'asymmetric';
  const [y] = ctx.layer(
    'upSampling2d',
    { size: scales.slice(2), interpolation: mode === 'nearest' ? 'nearest' : 'bilinear' },
    [x],
    {},
    exact
      ? undefined
      : {
          status: 'approximated',
          message: `UpSampling2D (bilinear); the file interpolates with ${transform} coordinates, so values differ slightly.`,
        },
  );
  ctx.setOutput(0, { ...(y as Tracked), perm: x.perm });
};

/** LRN: nothing in TF.js computes it. */
const lrn: OpConverter = () => {
  throw new Unsupported(
    'local response normalisation (LRN) has no TF.js layer',
    'Delete it (it only rescales activations slightly, and the layers around it keep working), or put a BatchNormalization there and retrain.',
  );
};

export const ELEMENTWISE_OPS: Record<string, OpConverter> = {
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
  Add: arithmetic('Add'),
  Sub: arithmetic('Sub'),
  Mul: arithmetic('Mul'),
  Div: arithmetic('Div'),
  Sum: variadic('add'),
  Max: variadic('maximum'),
  Min: variadic('minimum'),
  Mean: variadic('average'),
  BatchNormalization: batchNormalization,
  Pad: pad,
  Resize: resize,
  Upsample: resize,
};
