import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { NetParameter } from '../../../engine/caffe/caffe-schema';
import { importCaffe } from '../../../engine/caffe/import-caffe';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { relativeError } from '../../support/onnx-runtime';
import { toTensors } from '../../support/onnx-weights';

/** A small net using the layers whose Caffe semantics differ from Keras's: in-place layers, BatchNorm + Scale, ceil-mode pooling, InnerProduct's CHW flattening. */
const PROTOTXT = `
name: "small"
input: "data"
input_shape { dim: 2 dim: 2 dim: 9 dim: 9 }
layer { name: "conv1" type: "Convolution" bottom: "data" top: "conv1" convolution_param { num_output: 3 kernel_size: 3 pad: 1 stride: 2 } }
layer { name: "bn1" type: "BatchNorm" bottom: "conv1" top: "conv1" batch_norm_param { use_global_stats: true } }
layer { name: "scale1" type: "Scale" bottom: "conv1" top: "conv1" scale_param { bias_term: true } }
layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
layer { name: "pool1" type: "Pooling" bottom: "conv1" top: "pool1" pooling_param { pool: MAX kernel_size: 2 stride: 2 } }
layer { name: "ip1" type: "InnerProduct" bottom: "pool1" top: "ip1" inner_product_param { num_output: 4 } }
layer { name: "prob" type: "Softmax" bottom: "ip1" top: "prob" }
`;

let seed = 17;
const random = (n: number, lo = -1, hi = 1) =>
  Float32Array.from({ length: n }, () => {
    seed = (seed * 16807) % 2147483647;
    return lo + ((seed - 1) / 2147483646) * (hi - lo);
  });

const blobs = {
  conv1: [
    { dims: [3, 2, 3, 3], data: random(54) },
    { dims: [3], data: random(3) },
  ],
  bn1: [
    { dims: [3], data: random(3) },
    { dims: [3], data: random(3, 0.5, 2) },
    { dims: [1], data: Float32Array.of(2) },
  ],
  scale1: [
    { dims: [3], data: random(3, 0.5, 1.5) },
    { dims: [3], data: random(3) },
  ],
  ip1: [
    { dims: [4, 27], data: random(108) },
    { dims: [4], data: random(4) },
  ],
};

/** The `.caffemodel` Caffe would save for these blobs, written with protobufjs in Caffe's message layout. */
function caffemodel(): Uint8Array {
  const layer = Object.entries(blobs).map(([name, list]) => ({
    name,
    blobs: list.map((b) => ({ shape: { dim: b.dims }, data: Array.from(b.data) })),
  }));
  return NetParameter.encode(NetParameter.fromObject({ name: 'small', layer })).finish();
}

/** Caffe's own forward pass for this net, written out in NCHW loops (the reference the import must match). */
function caffeForward(x: Float32Array): number[][] {
  const [w, b] = blobs.conv1;
  const [mean, variance, factor] = blobs.bn1;
  const [gamma, beta] = blobs.scale1;
  const out: number[][] = [];
  for (let n = 0; n < 2; n++) {
    const conv = new Float32Array(3 * 5 * 5);
    for (let o = 0; o < 3; o++)
      for (let i = 0; i < 5; i++)
        for (let j = 0; j < 5; j++) {
          let s = b?.data[o] ?? 0;
          for (let c = 0; c < 2; c++)
            for (let ki = 0; ki < 3; ki++)
              for (let kj = 0; kj < 3; kj++) {
                const y = i * 2 - 1 + ki;
                const z = j * 2 - 1 + kj;
                if (y < 0 || z < 0 || y >= 9 || z >= 9) continue;
                s += (w?.data[((o * 2 + c) * 3 + ki) * 3 + kj] ?? 0) * (x[((n * 2 + c) * 9 + y) * 9 + z] ?? 0);
              }
          const sf = factor?.data[0] ?? 1;
          const normed = (s - (mean?.data[o] ?? 0) / sf) / Math.sqrt((variance?.data[o] ?? 1) / sf + 1e-5);
          conv[(o * 5 + i) * 5 + j] = Math.max(0, normed * (gamma?.data[o] ?? 1) + (beta?.data[o] ?? 0));
        }
    // Ceil mode: 5 → 3 windows, the last one clipped at the border.
    const pooled: number[] = [];
    for (let o = 0; o < 3; o++)
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) {
          let m = Number.NEGATIVE_INFINITY;
          for (let a = i * 2; a < Math.min(i * 2 + 2, 5); a++)
            for (let c = j * 2; c < Math.min(j * 2 + 2, 5); c++) m = Math.max(m, conv[(o * 5 + a) * 5 + c] ?? 0);
          pooled.push(m);
        }
    const [ipw, ipb] = blobs.ip1;
    const logits = Array.from({ length: 4 }, (_, u) => pooled.reduce((s, v, k) => s + v * (ipw?.data[u * 27 + k] ?? 0), ipb?.data[u] ?? 0));
    const top = Math.max(...logits);
    const exp = logits.map((l) => Math.exp(l - top));
    const sum = exp.reduce((a, v) => a + v, 0);
    out.push(exp.map((e) => e / sum));
  }
  return out;
}

let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

describe('Caffe import with a .caffemodel', () => {
  it('reproduces the predictions of the net Caffe would compute', () => {
    const imported = importCaffe(PROTOTXT, caffemodel());
    expect(imported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const doc = imported.doc;
    if (!doc || !imported.weightArrays) throw new Error('no design');
    // The Softmax folds into the Dense layer before it.
    expect(doc.nodes.map((n) => n.type)).toEqual([
      'input',
      'conv2d',
      'batchNormalization',
      'activation',
      'maxPooling2d',
      'flatten',
      'dense',
    ]);
    const analysis = analyse(doc);
    expect(analysis.totals.params).toBe(54 + 3 + 4 * 3 + 108 + 4);
    const compiled = compileGraph(tf, doc, analysis);
    if (!compiled.ok) throw new Error(compiled.diagnostics[0]?.message);
    const weights = toTensors(tf, imported.weightArrays);
    expect(assignWeights(compiled.model, weights).ok).toBe(true);
    const x = random(2 * 2 * 9 * 9);
    const input = tf.transpose(tf.tensor(x, [2, 2, 9, 9]), [0, 2, 3, 1]);
    const y = compiled.model.predict(input) as ReturnType<typeof tf.tensor>;
    expect(relativeError(y.dataSync(), caffeForward(x).flat())).toBeLessThan(1e-5);
    tf.dispose([input, y, ...Object.values(weights)]);
  });

  it('refuses a .caffemodel whose blobs do not fit the net, naming the layer', () => {
    const wrong = NetParameter.encode(
      NetParameter.fromObject({ layer: [{ name: 'conv1', blobs: [{ shape: { dim: [5, 2, 3, 3] }, data: Array.from(random(90)) }] }] }),
    ).finish();
    const imported = importCaffe(PROTOTXT, wrong);
    const message = imported.diagnostics.find((d) => d.code === 'import_placeholder')?.message;
    expect(message).toMatch(/conv1.*hold 90 values where \[3, 2, 3, 3\] are needed/);
  });

  it('says when the .caffemodel is not one', () => {
    const imported = importCaffe(PROTOTXT, new Uint8Array([0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(
      imported.diagnostics.some((d) => d.code === 'weights_mismatch' && /could not be read|holds no layer weights/.test(d.message)),
    ).toBe(true);
    expect(imported.weightArrays).toBeUndefined();
  });
});
