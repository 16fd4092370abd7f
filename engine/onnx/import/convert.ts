import type { Diagnostic } from '../../diagnostics';
import type { GraphDoc } from '../../graph/schema';
import type { ImportNote } from '../../import/import-notes';
import type { NamedWeightArrays } from '../../import/weight-arrays';
import { layerSpec } from '../../layers/registry';
import type { TensorValues } from '../tensors';
import { DesignBuilder, type Tracked, Unsupported } from './design-builder';
import { inputPerm, RECURRENT_OPS } from './input-layout';
import { onnxShape, TIME_MAJOR_PERM } from './layouts';
import type { OpContext, Val } from './op-context';
import type { OpGraph, OpNode } from './op-graph';
import { OP_CONVERTERS } from './op-table';
import { opLabel, placeholder } from './placeholder';

/** How the file's inputs and outputs sit over the design's: file axis `i` is design axis `perm[i]` (`-1`: a size-1 axis the design lacks). */
export interface TensorLayouts {
  inputs: number[][];
  outputs: number[][];
}

export interface ConvertedGraph {
  doc: GraphDoc;
  layouts: TensorLayouts;
  weights: NamedWeightArrays;
  notes: ImportNote[];
  diagnostics: Diagnostic[];
}

/**
 * Turns a network of ONNX operations (read from an ONNX file, or translated from Caffe) into a
 * design with weights. Operations map to layers, with the usual patterns folded (Conv/Gemm +
 * activation, MatMul + Add); Transposes, Identity and shape arithmetic become bookkeeping. An
 * operation without a layer becomes a placeholder that names it, and the rest still imports.
 */
export function convertOpGraph(graph: OpGraph, fileKind: string): ConvertedGraph {
  const b = new DesignBuilder();
  const values = new Map<string, Val>();
  for (const [name, v] of graph.constants) values.set(name, { kind: 'const', v });
  const consumers = new Map<string, OpNode[]>();
  for (const node of graph.nodes) for (const input of node.inputs) consumers.set(input, [...(consumers.get(input) ?? []), node]);
  const graphOutputs = new Set(graph.outputs);
  const diagnostics: Diagnostic[] = [];
  const layouts: TensorLayouts = { inputs: [], outputs: [] };

  for (const input of graph.inputs) {
    const dims = input.dims ?? [];
    const perm = inputPerm(input.name, dims.length, consumers);
    const design = new Array<number | null>(dims.length).fill(null);
    for (const [i, p] of perm.entries()) design[p] = dims[i] ?? null;
    design[0] = null;
    const t = b.input(input.name, design, input.dtype);
    values.set(input.name, { kind: 'tensor', t: { ...t, perm } });
    layouts.inputs.push(perm);
    if (perm.some((p, i) => p !== i)) {
      b.note({
        nodeId: t.node,
        status: 'approximated',
        source: `input "${input.name}"`,
        message: `The file takes [${dims.map((d) => d ?? 'N').join(', ')}]; the design takes the same data as [${design.map((d) => d ?? 'N').join(', ')}].`,
        replaceWith:
          perm === TIME_MAJOR_PERM ? 'Feed sequences batch first.' : 'Feed images channels last (height, width, channels), as TF.js does.',
      });
    }
  }

  // Design layers an operation may still fold into: ONNX value name → the layer that produced it.
  const producedBy = new Map<string, string>();
  const absorbed = new Set<OpNode>();
  for (const node of graph.nodes) {
    if (absorbed.has(node)) continue;
    const converter = OP_CONVERTERS[node.op];
    const created: string[] = [];
    const before = b.nodes.length;
    const ctx: OpContext = {
      node,
      b,
      name: node.name || node.outputs[0] || node.op,
      opset: graph.opset,
      has: (i) => Boolean(node.inputs[i]),
      tensor(i) {
        const v = values.get(node.inputs[i] ?? '');
        if (!v) throw new Unsupported(`its input "${node.inputs[i] ?? i}" is not available`);
        if (v.kind === 'const') throw new Unsupported(`its input "${node.inputs[i]}" is a constant, where a layer needs a tensor`);
        if (v.t.reversed !== undefined && !RECURRENT_OPS.has(node.op)) throw new Unsupported('it reads a reversed sequence');
        return v.t;
      },
      constant(i) {
        const name = node.inputs[i] ?? '';
        const make = graph.deferred?.get(name);
        if (make && !values.has(name)) {
          const shape = onnxShape(ctx.tensor(0));
          if (!shape) throw new Unsupported('the size of its input, which its weights depend on, is not known');
          values.set(name, { kind: 'const', v: make(shape) });
        }
        const v = values.get(name);
        return v?.kind === 'const' ? v.v : undefined;
      },
      setOutput(i, value) {
        const name = node.outputs[i];
        if (!name) return;
        values.set(name, 'node' in value ? { kind: 'tensor', t: value } : { kind: 'const', v: value });
        if ('node' in value && created.includes(value.node) && value.port === 0) producedBy.set(name, value.node);
      },
      used: (i) =>
        Boolean(node.outputs[i]) &&
        ((consumers.get(node.outputs[i] as string)?.length ?? 0) > 0 || graphOutputs.has(node.outputs[i] as string)),
      readers: (i) => [
        ...(consumers.get(node.outputs[i] ?? '') ?? []).map((n) => n.op),
        ...(graphOutputs.has(node.outputs[i] ?? '') ? ['output'] : []),
      ],
      consumers: (i) => consumers.get(node.outputs[i] ?? '') ?? [],
      later: (value) => consumers.get(value) ?? [],
      valueOf(value) {
        const v = values.get(value);
        return v?.kind === 'const' ? v.v : undefined;
      },
      absorb(other, outputs) {
        absorbed.add(other);
        for (const [i, t] of outputs.entries()) if (other.outputs[i]) values.set(other.outputs[i] as string, { kind: 'tensor', t });
        ctx.folded(outputs[0]?.node ?? '', undefined);
        const note = b.notes.find((n) => n.nodeId === outputs[0]?.node);
        if (note) note.source += ` + ${opLabel(other)}`;
      },
      layer(type, params, inputs, weights, note) {
        const outputs = b.layer(type, params, inputs, ctx.name, weights);
        const id = (outputs[0] as Tracked).node;
        created.push(id);
        b.note({ nodeId: id, status: 'exact', source: opLabel(node), message: `${layerSpec(type)?.label ?? type}.`, ...note });
        return outputs;
      },
      foldTarget(i) {
        const name = node.inputs[i] ?? '';
        const id = producedBy.get(name);
        if (!id || graphOutputs.has(name) || (consumers.get(name)?.length ?? 0) !== 1) return undefined;
        const target = b.node(id);
        return target ? { nodeId: id, params: target.params, type: target.type } : undefined;
      },
      folded(nodeId, detail) {
        const note = b.notes.find((n) => n.nodeId === nodeId);
        if (note) note.source += ` + ${opLabel(node)}${detail ? ` (${detail})` : ''}`;
      },
    };
    try {
      if (!converter)
        throw new Unsupported(`${fileKind} ${node.label ? 'layer type' : 'operation'} ${node.label ?? node.op} has no NetCanvas layer`);
      converter(ctx);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      b.nodes.splice(before); // a converter that failed half-way leaves nothing behind
      placeholder(b, node, error, values, consumers, diagnostics, fileKind);
    }
  }

  const outputs: Tracked[] = [];
  for (const name of graph.outputs) {
    const v = values.get(name);
    if (v?.kind !== 'tensor') continue;
    outputs.push(v.t);
    layouts.outputs.push(v.t.perm ?? []);
    const real = v.t.perm?.filter((p) => p >= 0) ?? [];
    if (v.t.shape && real.some((p, i) => p !== i)) {
      b.note({
        status: 'approximated',
        source: `output "${name}"`,
        message: `The design gives this output as [${v.t.shape.map((d) => d ?? 'N').join(', ')}], channels last; the file gives its axes in another order.`,
        replaceWith: 'Read images channels last (height, width, channels), as TF.js gives them.',
      });
    }
  }
  const doc = b.document(graph.name, outputs);
  const kept = new Set(b.nodes.map((n) => n.id));
  const edges = doc.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  return {
    doc: { ...doc, edges },
    layouts,
    weights: b.weights,
    notes: b.notes.filter((n) => !n.nodeId || kept.has(n.nodeId)),
    diagnostics,
  };
}

export type { TensorValues };
