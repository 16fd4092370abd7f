import { type LayerExporter, required } from '../emit-context';
import type { Value } from '../onnx-builder';

/** BatchNormalization (inference: the moving statistics) and LayerNormalization. */

const featureAxisIsLast = (axis: number, rank: number) => axis === -1 || axis === rank - 1;

export const batchNormalization: LayerExporter = {
  check: (p, [x]) =>
    featureAxisIsLast(p.axis, (x ?? []).length) || (p.axis === 1 && (x ?? []).length > 2)
      ? null
      : `it normalises axis ${p.axis}; ONNX BatchNormalization normalises the channel axis only`,
  emit(ctx) {
    const input = ctx.inputs[0] as Value;
    const rank = input.rank;
    const channelsFirstDesign = ctx.params.axis === 1 && rank > 2;
    // ONNX normalises axis 1: the channels-first form of a channels-last tensor, or a matrix's columns.
    const x = channelsFirstDesign ? ctx.b.as(input, 'last') : ctx.b.as(input, 'first');
    const mean = required(ctx, 'moving_mean');
    const variance = required(ctx, 'moving_variance');
    const channels = mean.shape[0] ?? 1;
    const gamma = ctx.params.scale ? required(ctx, 'gamma').values : new Float32Array(channels).fill(1);
    const beta = ctx.params.center ? required(ctx, 'beta').values : new Float32Array(channels);
    const inputs = [
      x.name,
      ctx.b.floats(`${ctx.name}/gamma`, [channels], gamma as Float32Array),
      ctx.b.floats(`${ctx.name}/beta`, [channels], beta as Float32Array),
      ctx.b.floats(`${ctx.name}/moving_mean`, [channels], mean.values as Float32Array),
      ctx.b.floats(`${ctx.name}/moving_variance`, [channels], variance.values as Float32Array),
    ];
    const y = ctx.b.op1('BatchNormalization', inputs, ctx.name, { epsilon: { float: ctx.params.epsilon } });
    return [{ name: y, layout: x.layout, rank }];
  },
};

export const layerNormalization: LayerExporter = {
  check: (p, [x]) => {
    const axes = Array.isArray(p.axis) ? p.axis : [p.axis];
    return axes.length === 1 && featureAxisIsLast(axes[0], (x ?? []).length)
      ? null
      : 'only normalisation over the last axis has an ONNX form';
  },
  emit(ctx) {
    const x = ctx.b.as(ctx.inputs[0] as Value, 'last');
    const features = (ctx.inputShapes[0] ?? []).at(-1) ?? 1;
    const gamma = ctx.params.scale ? required(ctx, 'gamma').values : new Float32Array(features).fill(1);
    const beta = ctx.params.center ? required(ctx, 'beta').values : new Float32Array(features);
    const inputs = [
      x.name,
      ctx.b.floats(`${ctx.name}/gamma`, [features], gamma as Float32Array),
      ctx.b.floats(`${ctx.name}/beta`, [features], beta as Float32Array),
    ];
    const y = ctx.b.op1('LayerNormalization', inputs, ctx.name, { axis: -1, epsilon: { float: ctx.params.epsilon } });
    return [{ name: y, layout: 'last', rank: x.rank }];
  },
};
