import { type Tracked, Unsupported } from '../design-builder';
import { channelsFirstPerm, withPerm } from '../layouts';
import { type OpConverter, requireConstant, weightOf } from '../op-context';
import { attrInts, attrNumber, attrString } from '../op-graph';

/** Image layers around the convolutions: batch normalisation, zero padding and upsampling. */

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

export const IMAGE_OPS: Record<string, OpConverter> = {
  BatchNormalization: batchNormalization,
  Pad: pad,
  Resize: resize,
  Upsample: resize,
};
