import { reshape, transpose, type WeightArray } from '../../../import/weight-arrays';
import { layerSpec } from '../../../layers/registry';
import { type Tracked, Unsupported } from '../design-builder';
import { channelsFirstPerm, withPerm } from '../layouts';
import { type OpContext, type OpConverter, permutedWeight, requireConstant, weightOf } from '../op-context';
import { attrInts, attrNumber } from '../op-graph';
import { resolvePadding, type WindowPadding, windowOf } from './window';

/** Conv and ConvTranspose: ONNX kernels `[out, in/groups, k…]` become Keras `[k…, in, out]`. */

const CONV_TYPES: Record<number, string> = { 1: 'conv1d', 2: 'conv2d', 3: 'conv3d' };

/** The channels-last design tensor of a channels-first image input, and its spatial sizes. */
export function imageInput(ctx: OpContext, i = 0): { x: Tracked; sizes: (number | null)[] } {
  const raw = ctx.tensor(i);
  const rank = raw.perm?.length ?? 0;
  if (rank < 3) throw new Unsupported(`it needs an image or sequence, but its input has ${rank} axes`);
  const x = withPerm(ctx.b, raw, channelsFirstPerm(rank), ctx.name);
  return { x, sizes: (x.shape ?? new Array(rank).fill(null)).slice(1, rank - 1) };
}

/** A ZeroPadding2D before a window that Keras cannot pad itself. */
export function padBefore(ctx: OpContext, x: Tracked, padding: WindowPadding): Tracked {
  if (!('explicit' in padding)) return x;
  const { begin, end } = padding.explicit;
  if (begin.length !== 2)
    throw new Unsupported(`its padding (${begin.join(', ')} / ${end.join(', ')}) has no Keras form outside 2-D images`);
  const [y] = ctx.layer(
    'zeroPadding2d',
    {
      padding: [
        [begin[0], end[0]],
        [begin[1], end[1]],
      ],
    },
    [x],
    {},
    { message: 'ZeroPadding2D, for the explicit padding of the next layer.' },
  );
  return { ...(y as Tracked), perm: x.perm };
}

const conv: OpConverter = (ctx) => {
  const w = requireConstant(ctx, 1, 'kernel');
  const bias = ctx.has(2) ? requireConstant(ctx, 2, 'bias') : undefined;
  const { x, sizes } = imageInput(ctx);
  const [out = 1, inPerGroup = 1, ...kernel] = w.dims;
  const n = kernel.length;
  const group = attrNumber(ctx.node, 'group', 1);
  const window = windowOf(ctx.node, attrInts(ctx.node, 'kernel_shape') ?? kernel);
  const padding = resolvePadding(window, sizes);
  const input = padBefore(ctx, x, padding);
  const common = { kernelSize: kernel, strides: window.strides, padding: padding.padding, useBias: Boolean(bias) };
  const biasWeights: Record<string, WeightArray> = bias ? { bias: weightOf(bias, [out]) } : {};
  let y: Tracked;
  const channels = inPerGroup * group;
  if (group === 1) {
    const type = CONV_TYPES[n];
    if (!type) throw new Unsupported(`it is a ${n}-D convolution`);
    if (window.strides.some((s) => s > 1) && window.dilations.some((d) => d > 1))
      throw new Unsupported('it combines strides and dilation, which Keras convolutions cannot');
    // [out, in, k…] → [k…, in, out]
    const kernelWeights = permutedWeight(w, [...Array.from({ length: n }, (_, i) => i + 2), 1, 0]);
    [y] = ctx.layer(type, { ...common, filters: out, dilationRate: window.dilations }, [input], {
      kernel: kernelWeights,
      ...biasWeights,
    }) as [Tracked];
  } else if (group === channels && inPerGroup === 1 && n === 2) {
    // Depthwise: [C·m, 1, kh, kw] → [kh, kw, C, m].
    const multiplier = out / channels;
    const [kh = 1, kw = 1] = kernel;
    const depthwise =
      w.fill !== undefined
        ? weightOf(w, [kh, kw, channels, multiplier])
        : transpose(reshape(weightOf(w), [channels, multiplier, kh, kw]), [2, 3, 0, 1]);
    if (window.dilations.some((d) => d > 1)) throw new Unsupported('it is a dilated depthwise convolution');
    [y] = ctx.layer('depthwiseConv2d', { ...common, depthMultiplier: multiplier }, [input], {
      depthwise_kernel: depthwise,
      ...biasWeights,
    }) as [Tracked];
  } else {
    // The output is what an ordinary convolution with as many filters gives, so the layers after it still import.
    const spec = layerSpec(CONV_TYPES[n] ?? 'conv2d');
    const params = spec?.params.parse({ ...common, filters: out, dilationRate: window.dilations });
    const shape = spec && input.shape ? spec.outputShape([input.shape], params) : null;
    throw new Unsupported(
      `it is a grouped convolution (${group} groups), which TF.js has no layer for`,
      `Replace it with a Conv2D of ${out} filters (it has ${group}× the weights), or split the channels into ${group} branches.`,
      Array.isArray(shape) && shape[0] ? { shape: shape[0], perm: channelsFirstPerm(n + 2) } : undefined,
    );
  }
  ctx.setOutput(0, { ...y, perm: channelsFirstPerm(n + 2) });
};

/**
 * ConvTranspose: TF's transposed convolutions crop `floor(total/2)` at the start ("same", total =
 * kernel − stride) or nothing ("valid"); other pads have no Keras form.
 */
const convTranspose: OpConverter = (ctx) => {
  const w = requireConstant(ctx, 1, 'kernel');
  const bias = ctx.has(2) ? requireConstant(ctx, 2, 'bias') : undefined;
  const { x } = imageInput(ctx);
  const [, outPerGroup = 1, ...kernel] = w.dims;
  const n = kernel.length;
  if (attrNumber(ctx.node, 'group', 1) !== 1) throw new Unsupported('it is a grouped transposed convolution');
  const type = n === 2 ? 'conv2dTranspose' : n === 3 ? 'conv3dTranspose' : undefined;
  if (!type) throw new Unsupported(`it is a ${n}-D transposed convolution`);
  const window = windowOf(ctx.node, kernel);
  if (window.dilations.some((d) => d > 1)) throw new Unsupported('it is a dilated transposed convolution');
  const outputPadding = attrInts(ctx.node, 'output_padding') ?? new Array(n).fill(0);
  const totals = kernel.map((_, i) => (window.pads.begin[i] ?? 0) + (window.pads.end[i] ?? 0) - (outputPadding[i] ?? 0));
  const same = kernel.every((k, i) => {
    const s = window.strides[i] ?? 1;
    const total = Math.max(k - s, 0);
    return totals[i] === total && window.pads.begin[i] === Math.floor(total / 2);
  });
  const valid = totals.every((t, i) => t === 0 && (window.pads.begin[i] ?? 0) === 0 && (kernel[i] ?? 1) >= (window.strides[i] ?? 1));
  if (!(same || valid || window.autoPad === 'SAME_UPPER'))
    throw new Unsupported(`its padding (${window.pads.begin.join(', ')} / ${window.pads.end.join(', ')}) has no Keras form`);
  // [in, out, k…] → [k…, out, in]
  const kernelWeights = permutedWeight(w, [...Array.from({ length: n }, (_, i) => i + 2), 1, 0]);
  const [y] = ctx.layer(
    type,
    { filters: outPerGroup, kernelSize: kernel, strides: window.strides, padding: valid ? 'valid' : 'same', useBias: Boolean(bias) },
    [x],
    { kernel: kernelWeights, ...(bias ? { bias: weightOf(bias, [outPerGroup]) } : {}) },
  );
  ctx.setOutput(0, { ...(y as Tracked), perm: channelsFirstPerm(n + 2) });
};

export const CONVOLUTION_OPS: Record<string, OpConverter> = { Conv: conv, ConvTranspose: convTranspose };
