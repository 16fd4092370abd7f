import type * as tfjs from '@tensorflow/tfjs';
import type { Analysis } from '../../analysis/types';
import type { Diagnostic } from '../../diagnostics';
import { handleIndex } from '../../graph/ports';
import type { GraphDoc, GraphNode } from '../../graph/schema';
import type { WeightArray } from '../../import/weight-arrays';
import { layerSpec } from '../../layers/registry';
import type { Shape } from '../../shape';
import { EXPORT_IR_VERSION, EXPORT_OPSET, encodeModel, type OnnxValueInfo, onnx } from '../proto';
import { LAYER_EXPORTERS } from './layer-exporters';
import { OnnxBuilder, type Value } from './onnx-builder';

export type OnnxExportResult = { ok: true; bytes: Uint8Array; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The nodes of a design that ONNX cannot express, one diagnostic each (layer type without an ONNX
 * form, or a setting that has none). Empty when the design can be exported. Needs no TF.js.
 */
export function onnxExportProblems(doc: GraphDoc, analysis: Analysis): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const node of doc.nodes) {
    if (node.type === 'input') {
      const dtype = analysis.nodes[node.id]?.params?.dtype;
      if (dtype !== undefined && dtype !== 'float32' && dtype !== 'int32')
        problems.push(problem(node, `its dtype ${String(dtype)} has no ONNX input type here`));
      continue;
    }
    const info = analysis.nodes[node.id];
    if (!info?.params || !info.outputShapes) continue; // the analysis already reports it
    const exporter = LAYER_EXPORTERS[node.type];
    const label = layerSpec(node.type)?.label ?? node.type;
    if (!exporter) {
      problems.push(problem(node, `${label} layers have no ONNX export`));
      continue;
    }
    const reason = exporter.check?.(
      info.params,
      info.inputShapes.map((s) => s ?? []),
    );
    if (reason) problems.push(problem(node, reason));
  }
  return problems;
}

function problem(node: GraphNode, reason: string): Diagnostic {
  const label = layerSpec(node.type)?.label ?? node.type;
  return {
    code: 'export_unsupported',
    severity: 'error',
    nodeId: node.id,
    message: `${label} "${node.name ?? node.id}" cannot be exported to ONNX: ${reason}.`,
    hint: 'Replace or remove this layer, or export as TF.js or Keras instead.',
  };
}

/**
 * Writes a compiled design, with the weights its TF.js model holds, as an ONNX model (opset 17).
 * Inputs and outputs keep the design's channels-last layout, so the file takes and gives the same
 * tensors as the TF.js model; inside, convolutions and pools run channels-first, with one Transpose
 * where the layout changes. Refuses (with one diagnostic per node) designs that ONNX cannot express.
 *
 * @example
 * const compiled = compileGraph(tf, doc);
 * if (compiled.ok) { const out = exportOnnx(doc, compiled.analysis, compiled.model); if (out.ok) save(out.bytes); }
 */
export function exportOnnx(doc: GraphDoc, analysis: Analysis, model: tfjs.LayersModel): OnnxExportResult {
  const problems = onnxExportProblems(doc, analysis);
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const b = new OnnxBuilder();
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const values = new Map<string, Value[]>();
  const graphInputs: OnnxValueInfo[] = [];
  for (const id of analysis.order) {
    const node = byId.get(id) as GraphNode;
    const info = analysis.nodes[id];
    if (!info?.params || !info.outputShapes) continue;
    if (node.type === 'input') {
      const name = b.unique(info.layerName);
      const shape = info.outputShapes[0] ?? [];
      graphInputs.push(
        valueInfo(name, shape, info.params.dtype === 'int32' ? onnx.TensorProto.DataType.INT32 : onnx.TensorProto.DataType.FLOAT),
      );
      values.set(id, [{ name, layout: 'last', rank: shape.length }]);
      continue;
    }
    const exporter = LAYER_EXPORTERS[node.type];
    if (!exporter) continue;
    const inputs = incomingValues(doc, id, values);
    if (!inputs) continue; // a branch that feeds no output (not compiled either)
    // A node that shares another's layer (sharesWeightsWith) reads that layer's weights.
    const owner = node.sharesWeightsWith === undefined ? info : analysis.nodes[node.sharesWeightsWith];
    const layer = findLayer(model, owner?.layerName ?? info.layerName);
    if (!layer) continue;
    const weights = layer.weights.map((w) => ({ name: w.originalName, array: weightArray(w) }));
    values.set(
      id,
      exporter.emit({
        b,
        node,
        name: info.layerName,
        params: info.params,
        inputShapes: info.inputShapes.map((s) => s ?? []),
        outputShapes: info.outputShapes,
        inputs,
        weights: weights.map((w) => w.array),
        weight: (suffix) => weights.find((w) => w.name === suffix || w.name.endsWith(`/${suffix}`))?.array,
      }),
    );
  }
  const graphOutputs: OnnxValueInfo[] = [];
  for (const ref of analysis.outputs) {
    const value = values.get(ref.nodeId)?.[ref.port];
    const info = analysis.nodes[ref.nodeId];
    if (!value || !info) return { ok: false, diagnostics: [internal(`output ${ref.nodeId} was not exported`)] };
    const last = b.as(value, 'last');
    const name = b.op1('Identity', [last.name], `${info.layerName}_output`);
    graphOutputs.push(valueInfo(name, info.outputShapes?.[ref.port] ?? [], onnx.TensorProto.DataType.FLOAT));
  }
  const bytes = encodeModel({
    irVersion: EXPORT_IR_VERSION,
    producerName: 'NetCanvas',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: EXPORT_OPSET }],
    graph: { name: model.name, node: b.nodes, initializer: b.initializers, input: graphInputs, output: graphOutputs },
  });
  return { ok: true, bytes, warnings: [] };
}

/** The values arriving at a node, in input-port order (as the compiler orders them). */
function incomingValues(doc: GraphDoc, id: string, values: Map<string, Value[]>): Value[] | undefined {
  const edges = doc.edges
    .map((edge, index) => ({ edge, key: handleIndex(edge.targetHandle, 'in') ?? 10000 + index }))
    .filter(({ edge }) => edge.target === id)
    .sort((a, b) => a.key - b.key);
  const out: Value[] = [];
  for (const { edge } of edges) {
    const value = values.get(edge.source)?.[handleIndex(edge.sourceHandle, 'out') ?? 0];
    if (!value) return undefined;
    out.push(value);
  }
  return out;
}

function findLayer(model: tfjs.LayersModel, name: string): tfjs.layers.Layer | undefined {
  try {
    return model.getLayer(name);
  } catch {
    return undefined;
  }
}

function weightArray(w: tfjs.LayerVariable): WeightArray {
  const tensor = w.read();
  return { values: tensor.dataSync() as Float32Array, shape: [...tensor.shape], dtype: 'float32' };
}

function valueInfo(name: string, shape: Shape, elemType: number): OnnxValueInfo {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: shape.map((d, i) => (d === null ? { dimParam: i === 0 ? 'batch' : `d${i}` } : { dimValue: d })) },
      },
    },
  };
}

function internal(message: string): Diagnostic {
  return { code: 'export_unsupported', severity: 'error', message: `The ONNX export failed: ${message}.` };
}
