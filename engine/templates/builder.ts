import { inputHandle } from '../graph/ports';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, type GraphEdge, type GraphNode } from '../graph/schema';
import type { TrainingConfigInput } from '../graph/training-config';
import { layeredLayout } from '../import/layout';

/**
 * Writes graphs in code: `add` a layer fed by earlier ones and get its id back. Used by templates,
 * tests and benchmarks; the result is laid out top to bottom.
 *
 * @example
 * const g = new GraphBuilder();
 * const x = g.add('input', { shape: [4] });
 * g.add('dense', { units: 3, activation: 'softmax' }, [x]);
 * const doc = g.build('Iris');
 */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly counts = new Map<string, number>();

  add(type: string, params: Record<string, unknown> = {}, inputs: string[] = [], name?: string): string {
    const n = (this.counts.get(type) ?? 0) + 1;
    this.counts.set(type, n);
    const id = name ?? `${type}_${n}`;
    this.nodes.push({ id, type, params, position: { x: 0, y: 0 }, name: id });
    inputs.forEach((source, k) => {
      const edge: GraphEdge = { id: `${source}->${id}${inputs.length > 1 ? `#${k}` : ''}`, source, target: id };
      if (inputs.length > 1) edge.targetHandle = inputHandle(k);
      this.edges.push(edge);
    });
    return id;
  }

  /** Adds layers one after another, each fed by the previous; returns the last id. */
  chain(from: string, layers: [type: string, params?: Record<string, unknown>][]): string {
    return layers.reduce((prev, [type, params]) => this.add(type, params ?? {}, [prev]), from);
  }

  build(name: string, training?: TrainingConfigInput): GraphDoc {
    const doc: GraphDoc = { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes: this.nodes, edges: this.edges };
    if (training) doc.training = training as GraphDoc['training'];
    return layeredLayout(doc);
  }
}
