import { z } from 'zod';
import { weightByteSize } from '../import/weights';

/**
 * The `model.json` of a TF.js graph model (`tensorflowjs_converter --output_format tfjs_graph_model`):
 * a frozen TensorFlow graph — nodes naming an op and their inputs — with a weights manifest. Only the
 * parts NetCanvas reads are checked; the rest (attributes, function library) is passed on to TF.js.
 */
const nodeSchema = z
  .object({
    name: z.string(),
    op: z.string(),
    input: z.array(z.string()).optional(),
    attr: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

const weightSchema = z
  .object({
    name: z.string(),
    shape: z.array(z.number().int().nonnegative()),
    dtype: z.string(),
    quantization: z.object({ dtype: z.string() }).passthrough().optional(),
  })
  .passthrough();

const tensorSpecSchema = z
  .object({
    name: z.string(),
    dtype: z.string().optional(),
    tensorShape: z.object({ dim: z.array(z.object({ size: z.union([z.string(), z.number()]).optional() })).optional() }).optional(),
  })
  .passthrough();

const signatureSchema = z.object({
  inputs: z.record(z.string(), tensorSpecSchema).optional(),
  outputs: z.record(z.string(), tensorSpecSchema).optional(),
});

export const graphModelJsonSchema = z
  .object({
    format: z.string().optional(),
    generatedBy: z.string().optional(),
    convertedBy: z.string().nullable().optional(),
    signature: signatureSchema.optional(),
    userDefinedMetadata: z.record(z.string(), z.unknown()).optional(),
    modelTopology: z.object({ node: z.array(nodeSchema) }).passthrough(),
    weightsManifest: z.array(z.object({ paths: z.array(z.string()), weights: z.array(weightSchema) })),
  })
  .passthrough();

export type GraphModelJson = z.infer<typeof graphModelJsonSchema>;
export type GraphNodeDef = z.infer<typeof nodeSchema>;
type TensorSpec = z.infer<typeof tensorSpecSchema>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed model.json is a graph model: says so in `format`, or its topology is a list of nodes (older converters). */
export function isGraphModelJson(json: unknown): boolean {
  if (!isRecord(json)) return false;
  return json.format === 'graph-model' || (isRecord(json.modelTopology) && 'node' in json.modelTopology);
}

/** One input or output of a graph model. */
export interface GraphTensorInfo {
  /** The node's name, as `execute` takes it (`input_1`, `Identity`). */
  name: string;
  /** Batch first; `null` for a size the model leaves open (the batch, usually). */
  shape: (number | null)[] | null;
  dtype: string;
}

/** What a graph model is made of, read from its model.json alone (no TF.js). */
export interface GraphModelInfo {
  generatedBy?: string;
  convertedBy?: string;
  inputs: GraphTensorInfo[];
  outputs: GraphTensorInfo[];
  /** Nodes that compute something: every node but constants (the weights) and inputs. */
  operations: number;
  /** Each op type with how many nodes use it, most used first. */
  opTypes: { op: string; count: number }[];
  weights: { tensors: number; values: number; bytes: number };
  /** The weight files by manifest group, with the bytes each group's files hold together. */
  shards: { paths: string[]; bytes: number }[];
}

/** Nodes that hold values rather than compute: the weights, the inputs, no-ops. */
export const NON_COMPUTING_OPS = new Set(['Const', 'Placeholder', 'PlaceholderWithDefault', 'NoOp']);

const DTYPES: Record<string, string> = {
  DT_FLOAT: 'float32',
  DT_HALF: 'float16',
  DT_INT32: 'int32',
  DT_INT64: 'int64',
  DT_BOOL: 'bool',
  DT_STRING: 'string',
  DT_UINT8: 'uint8',
  DT_COMPLEX64: 'complex64',
};

/**
 * The inputs, outputs, operations and weights of a graph model. The signature gives the inputs and
 * outputs when the converter wrote one (at the top, or in `userDefinedMetadata` as older converters
 * did); otherwise they are the `Placeholder` nodes and the nodes nothing reads.
 *
 * @example
 * readGraphModelInfo(json).inputs // [{ name: 'input_1', shape: [null, 64, 64, 1], dtype: 'float32' }]
 */
export function readGraphModelInfo(json: GraphModelJson): GraphModelInfo {
  const nodes = json.modelTopology.node;
  const signature = json.signature ?? parseSignature(json.userDefinedMetadata?.signature);
  const counts = new Map<string, number>();
  for (const node of nodes) if (!NON_COMPUTING_OPS.has(node.op)) counts.set(node.op, (counts.get(node.op) ?? 0) + 1);
  const entries = json.weightsManifest.flatMap((g) => g.weights);
  return {
    ...(json.generatedBy ? { generatedBy: json.generatedBy } : {}),
    ...(json.convertedBy ? { convertedBy: json.convertedBy } : {}),
    inputs: signature?.inputs ? Object.values(signature.inputs).map(fromSpec) : placeholders(nodes),
    outputs: signature?.outputs ? Object.values(signature.outputs).map(fromSpec) : sinks(nodes),
    operations: [...counts.values()].reduce((a, b) => a + b, 0),
    opTypes: [...counts].map(([op, count]) => ({ op, count })).sort((a, b) => b.count - a.count || a.op.localeCompare(b.op)),
    weights: {
      tensors: entries.length,
      values: entries.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0),
      bytes: entries.reduce((n, w) => n + weightByteSize(w), 0),
    },
    shards: json.weightsManifest.map((g) => ({ paths: g.paths, bytes: g.weights.reduce((n, w) => n + weightByteSize(w), 0) })),
  };
}

/** A node input as the node it reads: `conv/BiasAdd:1` → `conv/BiasAdd`, `^init` (a control input) → `init`. */
export function inputNode(input: string): string {
  return input.replace(/^\^/, '').replace(/:\d+$/, '');
}

function parseSignature(value: unknown): z.infer<typeof signatureSchema> | undefined {
  const parsed = signatureSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function fromSpec(spec: TensorSpec): GraphTensorInfo {
  const dims = spec.tensorShape?.dim;
  return {
    name: inputNode(spec.name),
    shape: dims ? dims.map((d) => toSize(d.size)) : null,
    dtype: DTYPES[spec.dtype ?? 'DT_FLOAT'] ?? String(spec.dtype),
  };
}

function toSize(size: string | number | undefined): number | null {
  const n = Number(size ?? -1);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function placeholders(nodes: GraphNodeDef[]): GraphTensorInfo[] {
  return nodes
    .filter((n) => n.op === 'Placeholder')
    .map((n) => {
      const shape = attrShape(n.attr?.shape);
      const dtype = isRecord(n.attr?.dtype) ? String(n.attr.dtype.type) : 'DT_FLOAT';
      return { name: n.name, shape, dtype: DTYPES[dtype] ?? dtype };
    });
}

function attrShape(attr: unknown): (number | null)[] | null {
  if (!isRecord(attr) || !isRecord(attr.shape)) return null;
  if (attr.shape.unknownRank) return null;
  const dims = Array.isArray(attr.shape.dim) ? attr.shape.dim : [];
  return dims.map((d) => toSize(isRecord(d) ? (d.size as string | number | undefined) : undefined));
}

function sinks(nodes: GraphNodeDef[]): GraphTensorInfo[] {
  const read = new Set(nodes.flatMap((n) => (n.input ?? []).map(inputNode)));
  return nodes
    .filter((n) => !read.has(n.name) && !NON_COMPUTING_OPS.has(n.op))
    .map((n) => ({ name: n.name, shape: null, dtype: 'float32' }));
}
