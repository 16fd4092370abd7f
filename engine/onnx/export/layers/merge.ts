import type { LayerExporter } from '../emit-context';
import { firstAxis, type Layout, type Value } from '../onnx-builder';

/** Merge layers: all inputs in one layout (channels-first when every input already is), then one variadic op. */

function common(ctx: Parameters<LayerExporter['emit']>[0]): { values: Value[]; layout: Layout } {
  const layout: Layout = ctx.inputs.every((v) => v.layout === 'first') ? 'first' : 'last';
  return { values: ctx.inputs.map((v) => ctx.b.as(v, layout)), layout };
}

const variadic = (op: string): LayerExporter => ({
  emit(ctx) {
    const { values, layout } = common(ctx);
    return [
      {
        name: ctx.b.op1(
          op,
          values.map((v) => v.name),
          ctx.name,
        ),
        layout,
        rank: values[0]?.rank ?? 2,
      },
    ];
  },
});

export const add = variadic('Sum');
export const multiply: LayerExporter = {
  emit(ctx) {
    const { values, layout } = common(ctx);
    let y = values[0]?.name as string;
    for (const [i, v] of values.slice(1).entries())
      y = ctx.b.op1('Mul', [y, v.name], i === values.length - 2 ? ctx.name : `${ctx.name}/${i}`);
    return [{ name: y, layout, rank: values[0]?.rank ?? 2 }];
  },
};
export const average = variadic('Mean');
export const maximum = variadic('Max');
export const minimum = variadic('Min');

export const concatenate: LayerExporter = {
  emit(ctx) {
    const { values, layout } = common(ctx);
    const rank = values[0]?.rank ?? 2;
    const axis = ctx.params.axis as number;
    const onnxAxis = layout === 'first' ? firstAxis(axis, rank) : axis;
    return [
      {
        name: ctx.b.op1(
          'Concat',
          values.map((v) => v.name),
          ctx.name,
          { axis: onnxAxis },
        ),
        layout,
        rank,
      },
    ];
  },
};
