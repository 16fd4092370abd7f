import type { Dataset, Group } from 'jsfive';
import { halfToFloat } from '../half-float';
import type { WeightArray } from './weight-arrays';

/**
 * Values out of an HDF5 file opened with jsfive: attributes as text or lists of names, datasets as
 * weight arrays. jsfive throws (strings as well as errors) on anything malformed; these helpers turn
 * that into `undefined`, `null` or a reason, and refuse sizes a damaged header may claim.
 */

const FLOAT = /^[<>=|]?f([248])$/;
const INTEGER = /^[<>=|]?[iu]([1248])$/;

/** A dataset's values as float32 (from float16, 32 or 64) or int32, or why it cannot be read. */
export function readArray(dataset: Dataset, file: ArrayBuffer): WeightArray | string {
  const dtype = dataset.dtype;
  const kind = typeof dtype === 'string' ? (FLOAT.exec(dtype) ?? INTEGER.exec(dtype)) : null;
  if (typeof dtype !== 'string' || !kind) return `has the data type ${JSON.stringify(dtype)}, which NetCanvas cannot read.`;
  const shape = dataset.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) return 'has an invalid shape.';
  const count = shape.reduce((a, b) => a * b, 1);
  // Keras stores weights uncompressed; far more values than bytes means the header is damaged.
  if (count * Number(kind[1]) > 64 * file.byteLength || count > 2 ** 28) return `claims ${count} values, more than the file can hold.`;
  const isFloat = FLOAT.test(dtype);
  const direct = isFloat ? contiguousFloats(dataset, file, dtype, count) : undefined;
  if (direct) return { values: direct, shape: [...shape], dtype: 'float32' };
  const values = dataset.value;
  if (!Array.isArray(values) || values.length !== count) return 'could not be read completely.';
  return {
    values: isFloat ? Float32Array.from(values, Number) : Int32Array.from(values, Number),
    shape: [...shape],
    dtype: isFloat ? 'float32' : 'int32',
  };
}

/** The jsfive 0.4 internals that locate a dataset's storage (pinned in package.json). */
interface DataObjects {
  find_msg_type(type: number): Map<string, number>[];
  _get_data_message_properties(offset: number): [number, number, number, number];
}
const DATA_LAYOUT_MESSAGE = 0x0008;
/** Typed arrays use the machine's byte order; HDF5 files written on PCs are little-endian. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const CONTIGUOUS = 1;

/**
 * jsfive decodes values one at a time through a DataView (about 10 MB of weights a second);
 * little-endian floats stored contiguously, as Keras stores every weight, are copied out of the file
 * directly. `undefined` for anything else, which then goes the slow, general way.
 */
function contiguousFloats(dataset: Dataset, file: ArrayBuffer, dtype: string, count: number): Float32Array | undefined {
  if (dtype.startsWith('>') || !LITTLE_ENDIAN) return undefined;
  try {
    const objects = (dataset as unknown as { _dataobjects?: DataObjects })._dataobjects;
    const message = objects?.find_msg_type(DATA_LAYOUT_MESSAGE)[0]?.get('offset_to_message');
    if (!objects || message === undefined) return undefined;
    const [, , layout, properties] = objects._get_data_message_properties(message);
    if (layout !== CONTIGUOUS) return undefined;
    const start = Number(new DataView(file).getBigUint64(properties, true));
    const width = Number(dtype.slice(-1));
    if (!Number.isSafeInteger(start) || start + count * width > file.byteLength) return undefined;
    const bytes = file.slice(start, start + count * width);
    if (width === 4) return new Float32Array(bytes);
    if (width === 8) return Float32Array.from(new Float64Array(bytes));
    const halves = new Uint16Array(bytes);
    return Float32Array.from(halves, halfToFloat);
  } catch {
    return undefined;
  }
}

/** A child by path, or null when jsfive cannot find or open it. */
export function child(group: Group, path: string): Group | Dataset | null {
  try {
    return group.get(path);
  } catch {
    return null;
  }
}

export function isDataset(node: Group | Dataset): node is Dataset {
  return 'value' in node && 'dtype' in node;
}

/** An attribute as text: a string (fixed-length ones lose their NUL padding), bytes, or a one-element array of either. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\0+$/, '');
  if (value instanceof Uint8Array) return new TextDecoder().decode(value).replace(/\0+$/, '');
  if (Array.isArray(value) && value.length === 1) return text(value[0]);
  return undefined;
}

/**
 * A list-of-names attribute (`layer_names`, `weight_names`), whole or split by Keras into
 * `name0`, `name1` … when it would not fit in an HDF5 object header. An empty list (which h5py stores
 * as an empty float array) is `[]`; `undefined` when absent or not a list of strings.
 */
export function attributeList(attrs: Record<string, unknown>, name: string): string[] | undefined {
  const whole = list(attrs[name]);
  if (whole) return whole;
  const parts: string[] = [];
  for (let i = 0; `${name}${i}` in attrs; i++) {
    const part = list(attrs[`${name}${i}`]);
    if (!part) return undefined;
    parts.push(...part);
  }
  return `${name}0` in attrs ? parts : undefined;
}

function list(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [text(value) ?? value];
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return [];
  const names = value.map(text);
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}
