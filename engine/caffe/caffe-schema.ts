import protobuf from 'protobufjs';

/**
 * The part of Caffe's `caffe.proto` message layout that holds a trained net's weights: a
 * `NetParameter` whose layers (current `layer`, field 100, or the V1 `layers`, field 2) carry their
 * parameter blobs. Field numbers are Caffe's; every other field of a `.caffemodel` is skipped.
 */
const CAFFE_PROTO = `
syntax = "proto2";
package caffe;
message BlobShape { repeated int64 dim = 1 [packed = true]; }
message BlobProto {
  optional BlobShape shape = 7;
  repeated float data = 5 [packed = true];
  repeated double double_data = 8 [packed = true];
  optional int32 num = 1;
  optional int32 channels = 2;
  optional int32 height = 3;
  optional int32 width = 4;
}
message LayerParameter {
  optional string name = 1;
  optional string type = 2;
  repeated BlobProto blobs = 7;
}
message V1LayerParameter {
  optional string name = 4;
  optional int32 type = 5;
  repeated BlobProto blobs = 6;
}
message NetParameter {
  optional string name = 1;
  repeated LayerParameter layer = 100;
  repeated V1LayerParameter layers = 2;
}
`;

const root = protobuf.parse(CAFFE_PROTO, { keepCase: true }).root;

/** `caffe.NetParameter`, for reading (and, in tests, writing) `.caffemodel` files. */
export const NetParameter = root.lookupType('caffe.NetParameter');

/** One layer's blobs, as stored: values in C order with their shape. */
export interface CaffeBlob {
  shape: number[];
  data: Float32Array;
}

export type CaffeWeights = { ok: true; layers: Map<string, CaffeBlob[]> } | { ok: false; message: string };

interface DecodedBlob {
  shape?: { dim?: (number | { toNumber(): number })[] };
  data?: number[];
  double_data?: number[];
  num?: number;
  channels?: number;
  height?: number;
  width?: number;
}

/** Reads the blobs of every layer of a `.caffemodel`, by layer name. Never throws. */
export function readCaffeModel(bytes: Uint8Array): CaffeWeights {
  let net: { layer?: { name?: string; blobs?: DecodedBlob[] }[]; layers?: { name?: string; blobs?: DecodedBlob[] }[] };
  try {
    net = NetParameter.toObject(NetParameter.decode(bytes), { longs: Number, arrays: true }) as typeof net;
  } catch (error) {
    return { ok: false, message: `The .caffemodel file could not be read (${(error as Error).message}).` };
  }
  const layers = new Map<string, CaffeBlob[]>();
  for (const layer of [...(net.layer ?? []), ...(net.layers ?? [])]) {
    if (!layer.name || !layer.blobs || layer.blobs.length === 0) continue;
    layers.set(layer.name, layer.blobs.map(blobOf));
  }
  if (layers.size === 0) return { ok: false, message: 'The .caffemodel file holds no layer weights.' };
  return { ok: true, layers };
}

function blobOf(blob: DecodedBlob): CaffeBlob {
  const values = (blob.data?.length ?? 0) > 0 ? (blob.data as number[]) : (blob.double_data ?? []);
  const dims = blob.shape?.dim?.map((d) => (typeof d === 'number' ? d : d.toNumber()));
  // Blobs before shapes existed were 4-D (num, channels, height, width).
  const shape = dims && dims.length > 0 ? dims : [blob.num ?? 1, blob.channels ?? 1, blob.height ?? 1, blob.width ?? 1];
  return { shape, data: Float32Array.from(values) };
}
