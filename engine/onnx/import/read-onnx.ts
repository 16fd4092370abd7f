import { decodeModel, type OnnxAttribute, type OnnxValueInfo, onnx, toNumber } from '../proto';
import { readTensor, type TensorValues } from '../tensors';
import type { AttrValue, OpGraph, OpInput } from './op-graph';

const { AttributeType } = onnx.AttributeProto;
const { DataType } = onnx.TensorProto;

export type ReadOnnx = { ok: true; graph: OpGraph } | { ok: false; message: string };

/** Whether bytes look like an ONNX model: a protobuf whose first field is `ir_version` (field 1, varint). */
export function looksLikeOnnx(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x08 && (bytes[1] ?? 0) > 0 && (bytes[1] ?? 0) < 0x20;
}

/** Decodes an ONNX file into an `OpGraph`. Never throws: a damaged file is a message. */
export function readOnnx(bytes: Uint8Array): ReadOnnx {
  let model: ReturnType<typeof decodeModel>;
  try {
    model = decodeModel(bytes);
  } catch (error) {
    return { ok: false, message: `The file is not a readable ONNX model (${(error as Error).message}).` };
  }
  const graph = model.graph;
  if (!graph?.node || graph.node.length === 0) return { ok: false, message: 'The ONNX file holds no graph.' };
  const opset = toNumber(model.opsetImport.find((o) => !o.domain || o.domain === 'ai.onnx')?.version ?? 1);
  const constants = new Map<string, TensorValues>();
  for (const init of graph.initializer ?? []) {
    const values = readTensor(init);
    if (values && init.name) constants.set(init.name, values);
  }
  const inputs: OpInput[] = (graph.input ?? []).filter((i) => i.name && !constants.has(i.name)).map(inputOf);
  return {
    ok: true,
    graph: {
      ...(graph.name ? { name: graph.name } : {}),
      inputs,
      outputs: (graph.output ?? []).map((o) => o.name ?? ''),
      nodes: graph.node.map((n) => ({
        op: n.domain && n.domain !== 'ai.onnx' ? `${n.domain}.${n.opType}` : (n.opType ?? ''),
        name: n.name ?? '',
        inputs: [...(n.input ?? [])],
        outputs: [...(n.output ?? [])],
        attrs: Object.fromEntries((n.attribute ?? []).flatMap((a) => attrOf(a))),
      })),
      constants,
      opset,
      producer: [model.producerName, model.producerVersion].filter(Boolean).join(' ') || undefined,
    },
  };
}

function inputOf(info: OnnxValueInfo): OpInput {
  const tensor = info.type?.tensorType;
  const dims = tensor?.shape?.dim
    ? tensor.shape.dim.map((d) =>
        d.dimValue !== null && d.dimValue !== undefined && toNumber(d.dimValue) > 0 ? toNumber(d.dimValue) : null,
      )
    : null;
  const elem = tensor?.elemType ?? DataType.FLOAT;
  const integer = [DataType.INT64, DataType.INT32, DataType.INT16, DataType.INT8, DataType.UINT8].includes(elem);
  return { name: info.name ?? '', dims, dtype: integer ? 'int32' : 'float32' };
}

function attrOf(a: OnnxAttribute): [string, AttrValue][] {
  const name = a.name ?? '';
  const decode = (s: Uint8Array) => new TextDecoder().decode(s);
  switch (a.type || inferredType(a)) {
    case AttributeType.FLOAT:
      return [[name, a.f ?? 0]];
    case AttributeType.INT:
      return [[name, toNumber(a.i)]];
    case AttributeType.STRING:
      return [[name, decode(a.s ?? new Uint8Array())]];
    case AttributeType.FLOATS:
      return [[name, [...(a.floats ?? [])]]];
    case AttributeType.INTS:
      return [[name, (a.ints ?? []).map(toNumber)]];
    case AttributeType.STRINGS:
      return [[name, (a.strings ?? []).map(decode)]];
    case AttributeType.TENSOR: {
      const t = a.t ? readTensor(a.t) : undefined;
      return t ? [[name, t]] : [];
    }
    default:
      return [];
  }
}

/** Files written before attributes carried a type (IR 1–2) say it only by which field is set. */
function inferredType(a: OnnxAttribute): number {
  if ((a.ints?.length ?? 0) > 0) return AttributeType.INTS;
  if ((a.floats?.length ?? 0) > 0) return AttributeType.FLOATS;
  if ((a.strings?.length ?? 0) > 0) return AttributeType.STRINGS;
  if (a.s && a.s.length > 0) return AttributeType.STRING;
  if (a.t) return AttributeType.TENSOR;
  if (a.f) return AttributeType.FLOAT;
  return AttributeType.INT;
}
