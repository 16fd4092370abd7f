import { analyse } from '../analysis/analyse';
import type { Analysis } from '../analysis/types';
import type { GraphDoc } from '../graph/schema';
import type { Shape } from '../shape';
import { type CanonicalLayer, canonicalLayer } from './canonical-layer';

/** What alignment knows about one layer of one side. */
export interface LayerFacts {
  id: string;
  /** The layer's name as its file gives it (its id when it has none). */
  name: string;
  /** The layer type as the design stores it. */
  type: string;
  canonical: CanonicalLayer;
  /** Trainable plus non-trainable parameters; `null` when the analysis could not count them. */
  params: number | null;
  outputShape: Shape | null;
  /** Node ids feeding this layer, in port order, and the ones it feeds. */
  inputs: string[];
  outputs: string[];
  /** Position in the topological order. */
  index: number;
  /** The name without the operation suffix an ONNX exporter adds: `/conv1/Conv` → `conv1`. */
  nameKey: string;
}

/** One side of a comparison: its layers in topological order, with the analysis they came from. */
export interface SideFacts {
  doc: GraphDoc;
  analysis: Analysis;
  layers: LayerFacts[];
  byId: Map<string, LayerFacts>;
}

/**
 * `/conv1/Conv` → `conv1`, `conv2d_1_Conv` → `conv2d_1`, `features.0.weight` stays: ONNX exporters
 * name a node after the module it came from plus its operation (capitalised), so the module part is
 * what another format calls the layer.
 */
export function nameKey(name: string): string {
  const stripped = name.replace(/[_/][A-Z][A-Za-z0-9]*(_\d+)?$/, '').replace(/^\/+/, '');
  return (stripped || name).replace(/[/.:]/g, '_').toLowerCase();
}

/** Analyses a document and collects the facts alignment compares, in topological order. */
export function sideFacts(doc: GraphDoc, analysis: Analysis = analyse(doc)): SideFacts {
  const inputs = new Map<string, string[]>();
  const outputs = new Map<string, string[]>();
  for (const edge of doc.edges) {
    inputs.set(edge.target, [...(inputs.get(edge.target) ?? []), edge.source]);
    outputs.set(edge.source, [...(outputs.get(edge.source) ?? []), edge.target]);
  }
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  // Nodes on a cycle are not in the order; they go last so every node is compared.
  const order = [...analysis.order, ...doc.nodes.map((n) => n.id).filter((id) => !analysis.order.includes(id))];
  const layers = order.flatMap((id, index): LayerFacts[] => {
    const node = nodes.get(id);
    if (!node) return [];
    const a = analysis.nodes[id];
    const name = node.name ?? node.id;
    return [
      {
        id,
        name,
        type: node.type,
        canonical: canonicalLayer(node.type, a?.params ?? node.params),
        params: a?.paramCount ? a.paramCount.trainable + a.paramCount.nonTrainable : null,
        outputShape: a?.outputShapes?.[0] ?? null,
        inputs: inputs.get(id) ?? [],
        outputs: outputs.get(id) ?? [],
        index,
        nameKey: nameKey(name),
      },
    ];
  });
  return { doc, analysis, layers, byId: new Map(layers.map((l) => [l.id, l])) };
}
