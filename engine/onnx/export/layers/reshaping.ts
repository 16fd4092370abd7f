import type { LayerExporter } from '../emit-context';
import type { Value } from '../onnx-builder';

/** ZeroPadding2D, Cropping2D and UpSampling2D on images, channels-first like the convolutions around them. */

type Pairs = [[number, number], [number, number]];

/** The design's spatial axes within the ONNX tensor: 2 and 3 channels-first, 1 and 2 channels-last. */
function spatialAxes(x: Value, channelsFirstLayer: boolean): [number, number] {
  return x.layout === 'first' || channelsFirstLayer ? [2, 3] : [1, 2];
}

export const zeroPadding2d: LayerExporter = {
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    const [[top, bottom], [left, right]] = ctx.params.padding as Pairs;
    const [h, w] = spatialAxes(x, ctx.params.dataFormat === 'channelsFirst');
    const begins = [0, 0, 0, 0];
    const ends = [0, 0, 0, 0];
    begins[h] = top;
    begins[w] = left;
    ends[h] = bottom;
    ends[w] = right;
    const pads = ctx.b.ints(`${ctx.name}/pads`, [...begins, ...ends]);
    return [{ ...x, name: ctx.b.op1('Pad', [x.name, pads], ctx.name, { mode: 'constant' }) }];
  },
};

export const cropping2d: LayerExporter = {
  emit(ctx) {
    const x = ctx.inputs[0] as Value;
    const [[top, bottom], [left, right]] = ctx.params.cropping as Pairs;
    const axes = spatialAxes(x, ctx.params.dataFormat === 'channelsFirst');
    const shape = ctx.inputShapes[0] ?? [];
    const cf = ctx.params.dataFormat === 'channelsFirst';
    const height = (cf ? shape[2] : shape[1]) ?? 0;
    const width = (cf ? shape[3] : shape[2]) ?? 0;
    const inputs = [
      x.name,
      ctx.b.ints(`${ctx.name}/starts`, [top, left]),
      ctx.b.ints(`${ctx.name}/ends`, [height - bottom, width - right]),
      ctx.b.ints(`${ctx.name}/axes`, axes),
    ];
    return [{ ...x, name: ctx.b.op1('Slice', inputs, ctx.name) }];
  },
};

/** Nearest upsampling copies pixels (`floor` of the asymmetric source position); bilinear is TF.js's resizeBilinear without half-pixel centres. */
export const upSampling2d: LayerExporter = {
  emit(ctx) {
    const channelsFirstLayer = ctx.params.dataFormat === 'channelsFirst';
    const x = channelsFirstLayer ? ctx.b.as(ctx.inputs[0] as Value, 'last') : ctx.b.as(ctx.inputs[0] as Value, 'first');
    const [sh, sw] = ctx.params.size as number[];
    const scales = ctx.b.floats(`${ctx.name}/scales`, [4], [1, 1, sh ?? 1, sw ?? 1]);
    const nearest = ctx.params.interpolation !== 'bilinear';
    const y = ctx.b.op1('Resize', [x.name, '', scales], ctx.name, {
      mode: nearest ? 'nearest' : 'linear',
      coordinate_transformation_mode: 'asymmetric',
      ...(nearest ? { nearest_mode: 'floor' } : {}),
    });
    return [{ name: y, layout: x.layout, rank: 4 }];
  },
};
