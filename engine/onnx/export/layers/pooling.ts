import { type LayerExporter, windowPads } from '../emit-context';
import type { Value } from '../onnx-builder';

/** Windowed and global pooling, channels-first like the convolutions they usually follow. */

interface PoolParams {
  poolSize: number[];
  strides: number[] | null;
  padding: string;
  dataFormat?: string;
}

const pool = (op: 'MaxPool' | 'AveragePool'): LayerExporter => ({
  emit(ctx) {
    const p = ctx.params as PoolParams;
    const layout = p.dataFormat === 'channelsFirst' ? 'last' : 'first';
    const x = ctx.b.as(ctx.inputs[0] as Value, layout);
    const n = p.poolSize.length;
    const shape = ctx.inputShapes[0] ?? [];
    const sizes = p.dataFormat === 'channelsFirst' ? shape.slice(2, 2 + n) : shape.slice(1, 1 + n);
    const strides = p.strides ?? p.poolSize;
    // AveragePool leaves padded cells out of the mean by default (count_include_pad = 0), as TF does.
    const y = ctx.b.op1(op, [x.name], ctx.name, {
      kernel_shape: p.poolSize,
      strides,
      ...windowPads(p.padding, sizes, p.poolSize, strides),
    });
    return [{ name: y, layout, rank: x.rank }];
  },
});

export const maxPool = pool('MaxPool');
export const averagePool = pool('AveragePool');

/**
 * Global pooling over the spatial axes. A channels-first input (after a convolution) takes ONNX's
 * GlobalXPool and a Flatten; a channels-last one a Reduce over its spatial axes, with no transpose.
 */
const globalPool = (op: 'GlobalAveragePool' | 'GlobalMaxPool', reduce: 'ReduceMean' | 'ReduceMax'): LayerExporter => ({
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    // A channels-first layer's design tensor is already in ONNX's order.
    const channelsFirst = ctx.params.dataFormat === 'channelsFirst';
    if (x.layout === 'first' || channelsFirst) {
      const pooled = ctx.b.op1(op, [channelsFirst ? ctx.b.as(x, 'last').name : x.name], ctx.name);
      return [{ name: ctx.b.op1('Flatten', [pooled], `${ctx.name}/flatten`, { axis: 1 }), layout: 'last', rank: 2 }];
    }
    const axes = Array.from({ length: x.rank - 2 }, (_, i) => i + 1);
    return [{ name: ctx.b.op1(reduce, [x.name], ctx.name, { axes, keepdims: 0 }), layout: 'last', rank: 2 }];
  },
});

export const globalAveragePool = globalPool('GlobalAveragePool', 'ReduceMean');
export const globalMaxPool = globalPool('GlobalMaxPool', 'ReduceMax');
