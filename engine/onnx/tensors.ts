import { halfToFloat } from '../half-float';
import { type OnnxTensor, onnx, toNumber } from './proto';

const { DataType } = onnx.TensorProto;

/** Tensor values read from an ONNX file: floats as float32, integer types as plain numbers. */
export interface TensorValues {
  dims: number[];
  /** `float` for the float types (float16/64 converted), `int` for the integer and bool types. */
  kind: 'float' | 'int';
  data: Float32Array | number[];
  /** Set when every value is this one (a `ConstantOfShape`): rearranging such a tensor only changes its shape. */
  fill?: number;
}

/** A float32 initializer; `values` are in C order. */
export function floatTensor(name: string, dims: readonly number[], values: Float32Array | readonly number[]): OnnxTensor {
  const data = values instanceof Float32Array ? values : Float32Array.from(values);
  return { name, dims: [...dims], dataType: DataType.FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** An int64 initializer (shapes, axes, pads). */
export function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): OnnxTensor {
  const data = BigInt64Array.from(values.map((v) => BigInt(v)));
  return { name, dims: [...dims], dataType: DataType.INT64, rawData: new Uint8Array(data.buffer) };
}

const count = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * The values of a tensor of a file, from `raw_data` (little-endian) or the typed fields. Returns
 * `undefined` for types a network's weights never have (strings, complex) or external data.
 */
export function readTensor(tensor: OnnxTensor): TensorValues | undefined {
  const dims = (tensor.dims ?? []).map(toNumber);
  const n = count(dims);
  const type = tensor.dataType ?? DataType.UNDEFINED;
  const raw = tensor.rawData && tensor.rawData.length > 0 ? tensor.rawData : undefined;
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : undefined;
  if ((tensor.externalData?.length ?? 0) > 0) return undefined;
  switch (type) {
    case DataType.FLOAT: {
      if (view) return { dims, kind: 'float', data: Float32Array.from({ length: n }, (_, i) => view.getFloat32(i * 4, true)) };
      return { dims, kind: 'float', data: Float32Array.from(tensor.floatData ?? []) };
    }
    case DataType.DOUBLE: {
      if (view) return { dims, kind: 'float', data: Float32Array.from({ length: n }, (_, i) => view.getFloat64(i * 8, true)) };
      return { dims, kind: 'float', data: Float32Array.from(tensor.doubleData ?? []) };
    }
    case DataType.FLOAT16: {
      const halves = view ? Array.from({ length: n }, (_, i) => view.getUint16(i * 2, true)) : (tensor.int32Data ?? []);
      return { dims, kind: 'float', data: Float32Array.from(halves, halfToFloat) };
    }
    case DataType.INT64: {
      if (view) return { dims, kind: 'int', data: Array.from({ length: n }, (_, i) => Number(view.getBigInt64(i * 8, true))) };
      return { dims, kind: 'int', data: (tensor.int64Data ?? []).map(toNumber) };
    }
    case DataType.INT32:
    case DataType.INT16:
    case DataType.INT8:
    case DataType.UINT8:
    case DataType.UINT16:
    case DataType.BOOL: {
      if (view) {
        const width = type === DataType.INT32 ? 4 : type === DataType.INT16 || type === DataType.UINT16 ? 2 : 1;
        const read = (i: number) =>
          width === 4
            ? view.getInt32(i * 4, true)
            : width === 2
              ? type === DataType.INT16
                ? view.getInt16(i * 2, true)
                : view.getUint16(i * 2, true)
              : type === DataType.INT8
                ? view.getInt8(i)
                : view.getUint8(i);
        return { dims, kind: 'int', data: Array.from({ length: n }, (_, i) => read(i)) };
      }
      return { dims, kind: 'int', data: [...(tensor.int32Data ?? [])] };
    }
    default:
      return undefined;
  }
}
