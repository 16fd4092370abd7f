import { isLayerIssue } from '../../diagnostics';
import { inputHandle, outputHandle } from '../../graph/ports';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, type GraphEdge, type GraphNode } from '../../graph/schema';
import type { ImportNote } from '../../import/import-notes';
import type { NamedWeightArrays, WeightArray } from '../../import/weight-arrays';
import { layerSpec } from '../../layers/registry';
import type { Shape } from '../../shape';

/**
 * A design tensor standing for an ONNX tensor. ONNX axis `i` is design axis `perm[i]`, or a size-1
 * axis the design does not have (`-1`): a channels-first ONNX image `[N, C, H, W]` over a
 * channels-last design tensor `[N, H, W, C]` has `perm` `[0, 3, 1, 2]`, so Transposes become
 * bookkeeping instead of layers. `rowOrder`, on a flattened image, gives for each ONNX position the
 * design position of the same value (the next Dense layer's weights are reordered to match).
 */
export interface Tracked {
  node: string;
  port: number;
  /** Design shape, batch first; `null` when unknown (after a placeholder). */
  shape: Shape | null;
  perm: number[] | null;
  rowOrder?: Int32Array;
  /** The design axis this tensor is read backwards along (a reversed sequence, only for a recurrent layer's `goBackwards`). */
  reversed?: number;
}

/** A part of the file that has no design layer; the converter turns it into a placeholder. */
export class Unsupported extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** The design shape and layout the part's output would have, when known, so what follows still imports. */
    readonly output?: { shape: Shape; perm: number[] },
  ) {
    super(message);
  }
}

/** Builds the design document, its weights (keyed `layer/weight` as TF.js names them) and the import notes. */
export class DesignBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly weights: NamedWeightArrays = {};
  readonly notes: ImportNote[] = [];
  private readonly names = new Set<string>();

  /** A unique layer name from a file's name (TF.js-safe characters), else from the layer type. */
  layerName(fileName: string, type: string): string {
    const cleaned = fileName.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
    const base = /^[A-Za-z]/.test(cleaned) ? cleaned.slice(0, 80) : cleaned ? `${type}_${cleaned}`.slice(0, 80) : type;
    let name = base;
    for (let k = 1; this.names.has(name); k++) name = `${base}_${k}`;
    this.names.add(name);
    return name;
  }

  input(name: string, shape: Shape, dtype: 'float32' | 'int32'): Tracked {
    const layer = this.layerName(name, 'input');
    this.nodes.push({ id: layer, type: 'input', name: layer, params: { shape: shape.slice(1), dtype }, position: { x: 0, y: 0 } });
    return { node: layer, port: 0, shape, perm: null };
  }

  /**
   * Adds a layer fed by `inputs`; returns its outputs with their design shapes (perms are the
   * caller's to set). Throws `Unsupported` when the params are not ones the layer accepts.
   */
  layer(
    type: string,
    raw: Record<string, unknown>,
    inputs: readonly Tracked[],
    fileName: string,
    weights: Record<string, WeightArray> = {},
  ): Tracked[] {
    const spec = layerSpec(type);
    if (!spec) throw new Error(`no layer type ${type}`);
    const parsed = spec.params.safeParse(raw);
    if (!parsed.success)
      throw new Unsupported(`its settings have no ${spec.label} equivalent (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    const name = this.layerName(fileName, type);
    this.nodes.push({ id: name, type, name, params: raw, position: { x: 0, y: 0 } });
    this.connect(name, inputs, spec.inputs.max > 1);
    for (const [suffix, w] of Object.entries(weights)) this.weights[`${name}/${suffix}`] = w;
    const shapes = inputs.every((t) => t.shape)
      ? spec.outputShape(
          inputs.map((t) => t.shape as Shape),
          parsed.data,
        )
      : null;
    const outputs = shapes && !isLayerIssue(shapes) ? shapes : null;
    const count = outputs?.length ?? spec.outputCount?.(parsed.data) ?? 1;
    return Array.from({ length: count }, (_, port) => ({ node: name, port, shape: outputs?.[port] ?? null, perm: null }));
  }

  /** A placeholder for a part with no layer, fed by the tensors it read; its output shape is `shape` when the caller knows it. */
  placeholder(className: string, config: Record<string, unknown>, reason: string, inputs: readonly Tracked[], fileName: string): string {
    const name = this.layerName(fileName, 'unsupported');
    this.nodes.push({ id: name, type: 'unsupported', name, params: { className, config, reason }, position: { x: 0, y: 0 } });
    this.connect(name, inputs, true);
    return name;
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  note(note: ImportNote): void {
    this.notes.push(note);
  }

  document(name: string | undefined, outputs: Tracked[]): GraphDoc {
    const doc: GraphDoc = { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: this.nodes, edges: this.edges };
    if (name) doc.name = name.slice(0, 200);
    const fed = new Set(this.edges.map((e) => e.source));
    const sinks = this.nodes.filter((n) => n.type !== 'input' && !fed.has(n.id)).map((n) => n.id);
    const refs = outputs.map((o) => (o.port > 0 ? `${o.node}:${o.port}` : o.node));
    if (refs.join() !== sinks.join()) doc.outputs = refs;
    return doc;
  }

  private connect(target: string, inputs: readonly Tracked[], multi: boolean): void {
    for (const [k, t] of inputs.entries()) {
      const edge: GraphEdge = {
        id: `${t.node}${t.port > 0 ? `@${t.port}` : ''}->${target}${multi ? `#${k}` : ''}`,
        source: t.node,
        target,
      };
      if (t.port > 0) edge.sourceHandle = outputHandle(t.port);
      if (multi) edge.targetHandle = inputHandle(k);
      this.edges.push(edge);
    }
  }
}
