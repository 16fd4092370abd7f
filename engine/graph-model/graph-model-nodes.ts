import { type GraphModelJson, inputNode, NON_COMPUTING_OPS } from './graph-model-file';

/** A node of a graph model whose output can be looked at for one input. */
export interface GraphNodeInfo {
  name: string;
  op: string;
  /** Position in the order the graph computes its nodes, from 1. */
  step: number;
}

/**
 * The nodes worth looking inside, in the order the graph computes them: every node that computes
 * from the model's input. Constants (weights), inputs, and nodes that only transform constants (an
 * `Identity` of a weight, a shape computed from constants) are left out — their value is the same
 * for every input. Names are those `model.execute(input, [name])` takes.
 *
 * @example
 * activationNodes(json)[0] // { name: 'StatefulPartitionedCall/model_1/conv2d_1/Relu', op: '_FusedConv2D', step: 1 }
 */
export function activationNodes(json: GraphModelJson): GraphNodeInfo[] {
  const nodes = json.modelTopology.node;
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const fromInput = new Map<string, boolean>();
  const order: string[] = [];
  const visiting = new Set<string>();
  // Depth-first, iteratively (graphs run to thousands of nodes): a node comes after all it reads.
  for (const root of nodes) {
    if (fromInput.has(root.name)) continue;
    const stack: { name: string; expanded: boolean }[] = [{ name: root.name, expanded: false }];
    while (stack.length > 0) {
      const top = stack.pop() as { name: string; expanded: boolean };
      const node = byName.get(top.name);
      if (!node || fromInput.has(top.name)) continue;
      const reads = (node.input ?? []).filter((i) => !i.startsWith('^')).map(inputNode);
      if (top.expanded) {
        visiting.delete(top.name);
        const depends = node.op === 'Placeholder' || reads.some((r) => fromInput.get(r) === true);
        fromInput.set(top.name, depends);
        if (depends && !NON_COMPUTING_OPS.has(node.op)) order.push(top.name);
        continue;
      }
      // A cycle (a loop's back edge in a malformed file) is cut where it closes.
      if (visiting.has(top.name)) continue;
      visiting.add(top.name);
      stack.push({ name: top.name, expanded: true });
      for (const r of reads) if (!fromInput.has(r) && !visiting.has(r)) stack.push({ name: r, expanded: false });
    }
  }
  return order.map((name, i) => ({ name, op: (byName.get(name) as { op: string }).op, step: i + 1 }));
}
