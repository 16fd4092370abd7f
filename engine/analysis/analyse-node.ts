import type { Diagnostic, LayerIssue } from '../diagnostics';
import { isLayerIssue } from '../diagnostics';
import type { GraphEdge, GraphNode } from '../graph/schema';
import type { AnyLayerSpec } from '../layers/spec';
import { elementsPerSample, type Shape } from '../shape';
import { resolveParams } from './resolve-params';
import type { NodeAnalysis } from './types';

/** A node's analysis plus the diagnostics it raised, so both can be reused together. */
export interface NodeOutcome {
  result: NodeAnalysis;
  diagnostics: Diagnostic[];
  /** Input port at fault, if any (its edge is drawn red). */
  badPort?: number;
}

/**
 * Analyses one node given the shapes arriving on its input edges. Pure, and never throws: a spec that
 * throws is reported as a diagnostic on the node.
 */
export function analyseNode(
  node: GraphNode,
  spec: AnyLayerSpec | undefined,
  layerName: string,
  incoming: GraphEdge[],
  inputShapes: (Shape | null)[],
): NodeOutcome {
  const result: NodeAnalysis = {
    id: node.id,
    type: node.type,
    layerName,
    params: null,
    inputShapes,
    outputShapes: null,
    paramCount: null,
    flops: null,
    activationBytes: null,
    status: 'error',
  };
  const fail = (issue: LayerIssue): NodeOutcome => {
    const edge = issue.port !== undefined ? incoming[issue.port] : undefined;
    const diagnostic: Diagnostic = { code: issue.code, severity: 'error', nodeId: node.id, message: issue.message };
    if (issue.hint) diagnostic.hint = issue.hint;
    if (issue.field) diagnostic.field = issue.field;
    else if (issue.port !== undefined) diagnostic.field = `in:${issue.port}`;
    if (edge) diagnostic.edgeId = edge.id;
    return { result, diagnostics: [diagnostic], ...(issue.port !== undefined ? { badPort: issue.port } : {}) };
  };

  if (!spec) {
    return fail({
      code: 'unknown_layer',
      field: 'type',
      message: `Unknown layer type "${node.type}".`,
      hint: 'Pick a layer from the palette instead.',
    });
  }
  const resolved = resolveParams(spec, node.params);
  if (!resolved.ok) {
    return { result, diagnostics: resolved.issues.map((d) => ({ ...d, nodeId: node.id })) };
  }
  result.params = resolved.params;
  const { min, max } = spec.inputs;
  if (incoming.length < min) {
    const need = min === max ? `${min}` : `at least ${min}`;
    return fail({
      code: 'missing_input',
      message: `${spec.label} needs ${need} incoming connection${min === 1 ? '' : 's'}, but has ${incoming.length}.`,
      hint: incoming.length === 0 ? 'Connect the output of an earlier layer to it.' : 'Connect another branch to it.',
    });
  }
  if (incoming.length > max) {
    return fail({
      code: 'too_many_inputs',
      port: max,
      message: `${spec.label} takes ${max === 0 ? 'no' : `at most ${max}`} incoming connection${max === 1 ? '' : 's'}, but has ${incoming.length}.`,
      hint:
        max === 0
          ? 'An Input layer starts the network; remove the connections into it.'
          : 'Join the branches first with a merge layer such as Add or Concatenate.',
    });
  }
  if (inputShapes.some((s) => s === null)) {
    result.status = 'blocked';
    return { result, diagnostics: [] };
  }
  const shapes = inputShapes as Shape[];
  try {
    // The spec's own issue comes first: it knows the layer and gives the better hint.
    const outputs = spec.outputShape(shapes, resolved.params);
    if (isLayerIssue(outputs)) return fail(outputs);
    for (const [port, shape] of shapes.entries()) {
      const { minRank, maxRank } = spec.inputs.portRanks?.[port] ?? spec.inputs;
      if ((minRank !== undefined && shape.length < minRank) || (maxRank !== undefined && shape.length > maxRank)) {
        return fail(rankIssue(spec.label, shape, port, minRank, maxRank));
      }
    }
    const caveat = spec.caveat?.(shapes, resolved.params) ?? null;
    if (caveat?.severity === 'error') return fail(caveat);
    result.outputShapes = outputs;
    const count = spec.countParams(shapes, resolved.params);
    result.paramCount = node.trainable === false ? { trainable: 0, nonTrainable: count.trainable + count.nonTrainable } : count;
    result.flops = spec.flops ? spec.flops(shapes, outputs, resolved.params) : outputs.reduce((n, s) => n + (elementsPerSample(s) ?? 0), 0);
    result.activationBytes = 4 * outputs.reduce((n, s) => n + (elementsPerSample(s) ?? 0), 0);
    result.status = 'ok';
    if (!caveat) return { result, diagnostics: [] };
    const warning: Diagnostic = { code: caveat.code, severity: 'warning', nodeId: node.id, message: caveat.message };
    if (caveat.hint) warning.hint = caveat.hint;
    if (caveat.field) warning.field = caveat.field;
    return { result, diagnostics: [warning] };
  } catch (error) {
    return fail({
      code: 'invalid_param',
      message: `${spec.label} could not work out its output: ${String(error)}`,
      hint: 'Check the layer settings.',
    });
  }
}

function rankIssue(label: string, shape: Shape, port: number, minRank?: number, maxRank?: number): LayerIssue {
  const got = shape.length - 1;
  const want =
    minRank !== undefined && maxRank !== undefined
      ? minRank === maxRank
        ? `${minRank - 1}`
        : `${minRank - 1} to ${maxRank - 1}`
      : minRank !== undefined
        ? `at least ${minRank - 1}`
        : `at most ${(maxRank ?? 1) - 1}`;
  const tooMany = maxRank !== undefined && shape.length > maxRank;
  return {
    code: 'rank_mismatch',
    port,
    message: `${label} expects ${want} dimension${want === '1' ? '' : 's'} per sample on input ${port + 1}, but gets ${got} (shape ${fmt(shape)}).`,
    hint: tooMany ? 'Add a Flatten (or GlobalPooling) layer before it.' : 'Add a Reshape layer before it to add the missing axis.',
  };
}

const fmt = (s: Shape) => `(${s.map((d) => d ?? 'None').join(', ')})`;
