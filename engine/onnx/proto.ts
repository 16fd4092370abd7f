import onnxProto from 'onnx-proto';

/**
 * The ONNX protobuf messages (`ModelProto`, `GraphProto`, `NodeProto`, `TensorProto`, …) as compiled
 * by the `onnx-proto` package from ONNX's own `onnx.proto`, so files are read and written by a real
 * protobuf library rather than by hand.
 */
export const onnx = onnxProto.onnx;
export type OnnxModel = onnxProto.onnx.IModelProto;
export type OnnxGraph = onnxProto.onnx.IGraphProto;
export type OnnxNode = onnxProto.onnx.INodeProto;
export type OnnxTensor = onnxProto.onnx.ITensorProto;
export type OnnxAttribute = onnxProto.onnx.IAttributeProto;
export type OnnxValueInfo = onnxProto.onnx.IValueInfoProto;

/** The operator set exports are written against (ONNX 1.12, opset 17: LayerNormalization is in it). */
export const EXPORT_OPSET = 17;
/** The IR version that goes with opset 17. */
export const EXPORT_IR_VERSION = 8;

/** The protobuf bytes of a model. */
export function encodeModel(model: OnnxModel): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

/** Decodes protobuf bytes as an ONNX model; throws on bytes that are not one. */
export function decodeModel(bytes: Uint8Array): onnxProto.onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}

/** An int64 field's value as a JavaScript number (protobufjs gives numbers or Long objects). */
export function toNumber(value: number | { toNumber(): number } | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}
