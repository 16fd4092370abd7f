import { Unsupported } from '../onnx/import/design-builder';
import type { OpGraph, OpNode } from '../onnx/import/op-graph';
import type { TensorValues } from '../onnx/tensors';
import type { CaffeNet } from './caffe-net';
import { batchNorm, CAFFE_TRANSLATORS, type CaffeOpContext } from './caffe-ops';
import type { CaffeBlob } from './caffe-schema';
import { field } from './prototxt';

/** Below this many values a stand-in weight is a real (filled) array; above, only its shape is kept. */
const SMALL = 1 << 20;

const size = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * Translates a Caffe net (and its `.caffemodel` blobs, when given) into ONNX operations for the
 * shared converter. Tops are renamed on every write, so Caffe's in-place layers (`relu1` reading and
 * writing `conv1`) become a chain; a BatchNorm followed by its Scale becomes one BatchNormalization.
 */
export function caffeOpGraph(net: CaffeNet, blobs: Map<string, CaffeBlob[]> | undefined): { graph: OpGraph; missing: Set<string> } {
  const current = new Map<string, string>();
  const used = new Set<string>();
  const fresh = (base: string) => {
    let name = base;
    for (let k = 1; used.has(name); k++) name = `${base}#${k}`;
    used.add(name);
    return name;
  };
  const constants = new Map<string, TensorValues>();
  const deferred = new Map<string, (input: readonly (number | null)[]) => TensorValues>();
  const nodes: OpNode[] = [];
  const missing = new Set<string>();
  for (const input of net.inputs) current.set(input.name, fresh(input.name));

  const layers = net.layers;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i] as (typeof layers)[number];
    const inputs = layer.bottoms.map((b) => current.get(b) ?? b);
    if (layer.type === 'Split') {
      for (const top of layer.tops) current.set(top, inputs[0] ?? top);
      continue;
    }
    const outputs = layer.tops.map((t) => fresh(t));
    const weightOf = (owner: string, k: number, dims: (input: readonly (number | null)[]) => number[], fill = 0, scale = 1): string => {
      const name = fresh(`${owner}/blob${k}`);
      deferred.set(name, (input) => {
        const want = dims(input);
        const blob = k >= 0 ? blobs?.get(owner)?.[k] : undefined;
        if (blobs && k >= 0 && !blob) missing.add(owner);
        if (blob) {
          if (blob.data.length !== size(want)) {
            throw new Unsupported(`its weights in the .caffemodel hold ${blob.data.length} values where [${want.join(', ')}] are needed`);
          }
          return { dims: want, kind: 'float', data: scale === 1 ? blob.data : Float32Array.from(blob.data, (v) => v * scale) };
        }
        const n = size(want);
        return { dims: want, kind: 'float', data: n <= SMALL || blobs ? new Float32Array(n).fill(fill) : new Float32Array(0), fill };
      });
      return name;
    };
    const ctx: CaffeOpContext = {
      layer,
      inputs,
      outputs,
      weight: (k, dims, fill) => weightOf(layer.name, k, dims, fill),
      ints(values) {
        const name = fresh(`${layer.name}/shape`);
        constants.set(name, { dims: [values.length], kind: 'int', data: values });
        return name;
      },
      temp: () => fresh(`${layer.name}/flat`),
    };
    if (layer.type === 'BatchNorm') {
      const next = layers[i + 1];
      const scaleLayer = next?.type === 'Scale' && next.bottoms[0] === layer.tops[0] ? next : undefined;
      // Caffe keeps mean and variance multiplied by a running factor, its third blob.
      const factor = blobs?.get(layer.name)?.[2]?.data[0];
      const unscale = factor ? 1 / factor : 1;
      const channels = (input: readonly (number | null)[]) => [input[1] ?? 1];
      const stats = { mean: weightOf(layer.name, 0, channels, 0, unscale), variance: weightOf(layer.name, 1, channels, 1, unscale) };
      let scale: { gamma: string; beta: string } | undefined;
      if (scaleLayer) {
        const bias = field(scaleLayer.message, 'scale_param');
        const hasBias = typeof bias === 'object' && 'fields' in bias && field(bias, 'bias_term') === true;
        scale = {
          gamma: weightOf(scaleLayer.name, 0, channels, 1),
          beta: hasBias ? weightOf(scaleLayer.name, 1, channels, 0) : weightOf(scaleLayer.name, -2, channels, 0),
        };
        ctx.outputs = scaleLayer.tops.map((t) => fresh(t));
        for (const [k, top] of scaleLayer.tops.entries()) current.set(top, ctx.outputs[k] as string);
        i++;
      }
      const made = batchNorm(ctx, scale, stats);
      nodes.push(...(scaleLayer ? made.map((n) => ({ ...n, name: `${layer.name}+${scaleLayer.name}` })) : made));
      if (!scaleLayer) for (const [k, top] of layer.tops.entries()) current.set(top, outputs[k] as string);
      continue;
    }
    const translate = CAFFE_TRANSLATORS[layer.type];
    nodes.push(
      ...(translate ? translate(ctx) : [{ op: `caffe.${layer.type}`, label: layer.type, name: layer.name, inputs, outputs, attrs: {} }]),
    );
    for (const [k, top] of layer.tops.entries()) current.set(top, outputs[k] as string);
  }

  // The net's outputs: tops nothing reads afterwards.
  const read = new Set(nodes.flatMap((n) => n.inputs));
  const outputs = nodes.flatMap((n) => n.outputs).filter((o) => !read.has(o));
  return {
    graph: {
      ...(net.name ? { name: net.name } : {}),
      inputs: net.inputs.map((input) => ({ name: input.name, dims: input.dims.map((d) => d || null), dtype: 'float32' })),
      outputs,
      nodes,
      constants,
      deferred,
      opset: 13,
      weightsKnown: Boolean(blobs),
      producer: 'Caffe',
    },
    missing,
  };
}
