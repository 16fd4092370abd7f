import { type LayerExporter, required } from '../emit-context';
import { firstAxis, type Value } from '../onnx-builder';

/** The activation layers: elementwise, so they keep whatever layout their input has (softmax maps its axis). */

const elementwise = (op: (ctx: Parameters<LayerExporter['emit']>[0], x: string) => string): LayerExporter => ({
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    return [{ ...x, name: op(ctx, x.name) }];
  },
});

/** ReLU with an optional cap: `Relu`, or `Clip(0, cap)`. */
export const relu = elementwise((ctx, x) =>
  ctx.params.maxValue === null || ctx.params.maxValue === undefined
    ? ctx.b.op1('Relu', [x], ctx.name)
    : ctx.b.op1(
        'Clip',
        [x, ctx.b.floats(`${ctx.name}/min`, [], [0]), ctx.b.floats(`${ctx.name}/max`, [], [ctx.params.maxValue])],
        ctx.name,
      ),
);

export const leakyRelu = elementwise((ctx, x) => ctx.b.op1('LeakyRelu', [x], ctx.name, { alpha: { float: ctx.params.alpha } }));
export const elu = elementwise((ctx, x) => ctx.b.op1('Elu', [x], ctx.name, { alpha: { float: ctx.params.alpha } }));
export const thresholdedRelu = elementwise((ctx, x) => ctx.b.op1('ThresholdedRelu', [x], ctx.name, { alpha: { float: ctx.params.theta } }));

export const softmax: LayerExporter = {
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    const axis = ctx.params.axis as number;
    const onnxAxis = x.layout === 'first' ? firstAxis(axis, x.rank) : axis;
    return [{ ...x, name: ctx.b.op1('Softmax', [x.name], ctx.name, { axis: onnxAxis }) }];
  },
};

/** PReLU: the slopes have the design's (channels-last) shape, so the input is taken channels-last. */
export const prelu: LayerExporter = {
  emit(ctx) {
    const x = ctx.b.as(ctx.inputs[0] as Value, 'last');
    const alpha = required(ctx, 'alpha');
    const slope = ctx.b.floats(`${ctx.name}/alpha`, alpha.shape, alpha.values as Float32Array);
    return [{ ...x, name: ctx.b.op1('PRelu', [x.name, slope], ctx.name) }];
  },
};
