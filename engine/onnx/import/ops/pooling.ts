import { type Tracked, Unsupported } from '../design-builder';
import { channelsFirstPerm, designAxis } from '../layouts';
import type { OpConverter } from '../op-context';
import { attrInts, attrNumber } from '../op-graph';
import { imageInput, padBefore } from './convolution';
import { resolvePadding, windowOf } from './window';

/** Max and average pooling, windowed and global. */

const pool =
  (kind: 'max' | 'average'): OpConverter =>
  (ctx) => {
    const kernel = attrInts(ctx.node, 'kernel_shape');
    if (!kernel) throw new Unsupported('it has no kernel_shape');
    const n = kernel.length;
    const type = `${kind === 'max' ? 'maxPooling' : 'averagePooling'}${n}d`;
    if (n > 3) throw new Unsupported(`it pools over ${n} axes`);
    const { x, sizes } = imageInput(ctx);
    const window = windowOf(ctx.node, kernel);
    if (window.dilations.some((d) => d > 1)) throw new Unsupported('it is a dilated pooling window');
    const padding = resolvePadding(window, sizes);
    let note: { status: 'approximated'; message: string; replaceWith: string } | undefined;
    let input = x;
    if ('explicit' in padding) {
      const countsPad = kind === 'average' && attrNumber(ctx.node, 'count_include_pad', 0) === 1;
      // Zeros stand in for ONNX's "no value" padding: exact when the padding is counted (average) or
      // the values are never negative (max after a ReLU), close otherwise.
      input = padBefore(ctx, x, padding);
      if (!countsPad) {
        note = {
          status: 'approximated',
          message: `${kind === 'max' ? 'Max' : 'Average'} pooling with padding Keras cannot express: the padding is done with zeros first.`,
          replaceWith:
            kind === 'max' ? 'Exact when the input is never negative (after a ReLU).' : 'Border averages include the zero padding.',
        };
      }
    }
    const [y] = ctx.layer(type, { poolSize: kernel, strides: window.strides, padding: padding.padding }, [input], {}, note);
    ctx.setOutput(0, { ...(y as Tracked), perm: channelsFirstPerm(n + 2) });
  };

/** GlobalAveragePool / GlobalMaxPool: the design's global pooling gives `[N, C]`; the file's `[N, C, 1, 1]` is tracked over it. */
const globalPool =
  (kind: 'Average' | 'Max'): OpConverter =>
  (ctx) => {
    const { x } = imageInput(ctx);
    const rank = x.perm?.length ?? 0;
    if (rank !== 3 && rank !== 4) throw new Unsupported(`it pools over ${rank - 2} axes`);
    const [y] = ctx.layer(`global${kind}Pooling${rank - 2}d`, {}, [x]);
    ctx.setOutput(0, { ...(y as Tracked), perm: [0, 1, ...new Array(rank - 2).fill(-1)] });
  };

/** ReduceMean / ReduceMax over an image's spatial axes (how TF converters write global pooling). */
const reduce =
  (kind: 'Average' | 'Max'): OpConverter =>
  (ctx) => {
    const x = ctx.tensor(0);
    const axes = attrInts(ctx.node, 'axes') ?? (ctx.constant(1) ? Array.from(ctx.constant(1)?.data ?? [], Number) : undefined);
    const rank = x.perm?.length ?? 0;
    if (!axes || !x.perm || (rank !== 3 && rank !== 4)) throw new Unsupported('it reduces axes other than an image’s spatial ones');
    const design = axes
      .map((a) => designAxis(x, a))
      .map((a) => (a < 0 ? rank - 1 : a))
      .sort();
    const spatial = Array.from({ length: rank - 2 }, (_, i) => i + 1);
    if (design.join() !== spatial.join()) throw new Unsupported('it reduces axes other than an image’s spatial ones');
    const [y] = ctx.layer(`global${kind}Pooling${rank - 2}d`, {}, [x]);
    const keep = attrNumber(ctx.node, 'keepdims', 1) === 1;
    const onnxAxes = new Set(axes.map((a) => (a < 0 ? a + rank : a)));
    const channelAt = x.perm.indexOf(rank - 1);
    const perm = x.perm.flatMap((_, i) => (onnxAxes.has(i) ? (keep ? [-1] : []) : [i === channelAt ? 1 : 0]));
    ctx.setOutput(0, { ...(y as Tracked), perm });
  };

export const POOLING_OPS: Record<string, OpConverter> = {
  MaxPool: pool('max'),
  AveragePool: pool('average'),
  GlobalAveragePool: globalPool('Average'),
  GlobalMaxPool: globalPool('Max'),
  ReduceMean: reduce('Average'),
  ReduceMax: reduce('Max'),
};
