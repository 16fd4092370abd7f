import type { Analysis, NodeAnalysis } from '../analysis/types';
import { handleIndex } from '../graph/ports';
import type { GraphDoc, GraphNode } from '../graph/schema';
import { topology } from '../graph/topology';
import { layerSpec } from '../layers/registry';
import type { AnyLayerSpec } from '../layers/spec';
import { variableNames } from './identifiers';

/** One layer of generated code: its variable, its resolved node, and the expressions it is applied to. */
export interface CodeStep {
  node: GraphNode;
  info: NodeAnalysis & { params: Record<string, unknown> };
  spec: AnyLayerSpec;
  variable: string;
  /** Expressions of the tensors feeding it, in input-port order (`x`, or `lstm_1[1]` for a second output). */
  inputs: string[];
  /**
   * For a layer used at several nodes (`sharesWeightsWith`): the variable holding the one layer
   * object, made before the steps (see `CodePlan.sharedLayers`) and applied at each of them.
   */
  layerVariable?: string;
}

export interface CodePlan {
  steps: CodeStep[];
  /** Expressions of the model's inputs and outputs, in order. */
  inputs: string[];
  outputs: string[];
  /** The steps whose layers are used at several nodes, each with its `layerVariable`: generators make these layers first. */
  sharedLayers: CodeStep[];
}

/**
 * What every code generator walks: the layers in topological order with valid variable names and
 * the expressions that connect them. Generators differ only in how they write a step.
 */
export function codePlan(doc: GraphDoc, analysis: Analysis, language: 'python' | 'typescript'): CodePlan {
  const vars = variableNames(analysis, language);
  const topo = topology(doc);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const ref = (source: string, port: number) => {
    const multi = (analysis.nodes[source]?.outputShapes?.length ?? 1) > 1;
    return multi ? `${vars.get(source)}[${port}]` : (vars.get(source) as string);
  };
  const steps: CodeStep[] = [];
  for (const id of analysis.order) {
    const node = byId.get(id);
    const info = analysis.nodes[id];
    const spec = layerSpec(node?.type ?? '');
    if (!node || !info?.params || !spec) continue;
    const inputs = (topo.incoming.get(id) ?? []).map((e) => ref(e.source, handleIndex(e.sourceHandle, 'out') ?? 0));
    steps.push({ node, info: info as CodeStep['info'], spec, variable: vars.get(id) as string, inputs });
  }
  const taken = new Set(vars.values());
  const layerVariables = new Map<string, string>();
  for (const step of steps) {
    const owner = step.node.sharesWeightsWith;
    if (owner === undefined || layerVariables.has(owner)) continue;
    let name = `${vars.get(owner) ?? owner}_layer`;
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    layerVariables.set(owner, name);
  }
  for (const step of steps) {
    const layerVariable = layerVariables.get(step.node.sharesWeightsWith ?? step.node.id);
    if (layerVariable) step.layerVariable = layerVariable;
  }
  return {
    steps,
    sharedLayers: steps.filter((s) => layerVariables.has(s.node.id)),
    inputs: analysis.inputs.map((id) => vars.get(id) as string),
    outputs: analysis.outputs.map((o) => ref(o.nodeId, o.port)),
  };
}
