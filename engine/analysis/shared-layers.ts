import type { Diagnostic } from '../diagnostics';
import type { GraphDoc } from '../graph/schema';
import type { NodeAnalysis } from './types';

/**
 * A node with `sharesWeightsWith` is one more use of another node's layer (a siamese branch, tied
 * weights, a layer Keras called twice): the same weights, so its parameters count once, at the node
 * that owns them. The owner must be a layer of the same type and settings that owns its weights
 * itself, and both must receive inputs the one set of weights fits.
 *
 * Returns the node analyses with the sharing nodes' counts moved to their owners (new objects: the
 * others may be cached), and the problems.
 */
export function applySharedLayers(
  doc: GraphDoc,
  nodes: Record<string, NodeAnalysis>,
): { nodes: Record<string, NodeAnalysis>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  let out = nodes;
  for (const node of doc.nodes) {
    const ownerId = node.sharesWeightsWith;
    const own = nodes[node.id];
    if (ownerId === undefined || !own) continue;
    const owner = byId.get(ownerId);
    const ownerInfo = nodes[ownerId];
    const problem = !owner
      ? `it shares the weights of "${ownerId}", which is not in the diagram`
      : owner.sharesWeightsWith !== undefined
        ? `it shares the weights of "${ownerId}", which itself shares another layer's; point it at the layer that owns them`
        : owner.type !== node.type
          ? `it is a ${node.type} layer but shares the weights of "${ownerId}", a ${owner.type} layer`
          : ownerInfo?.params && own.params && JSON.stringify(ownerInfo.params) !== JSON.stringify(own.params)
            ? `its settings differ from those of "${ownerId}", whose weights it shares`
            : ownerInfo?.paramCount && own.paramCount && total(ownerInfo.paramCount) !== total(own.paramCount)
              ? `its input does not fit the weights of "${ownerId}" (${total(ownerInfo.paramCount)} parameters there, ${total(own.paramCount)} for this input)`
              : undefined;
    if (problem) {
      diagnostics.push({
        code: 'invalid_param',
        severity: 'error',
        nodeId: node.id,
        field: 'sharesWeightsWith',
        message: `Layer "${node.name ?? node.id}" cannot share weights: ${problem}.`,
        hint: 'Give it the same type and settings and an input of the same shape, or stop sharing to give it weights of its own.',
      });
      continue;
    }
    if (own.paramCount) {
      if (out === nodes) out = { ...nodes };
      out[node.id] = { ...own, paramCount: { trainable: 0, nonTrainable: 0 } };
    }
  }
  return { nodes: out, diagnostics };
}

const total = (count: { trainable: number; nonTrainable: number }) => count.trainable + count.nonTrainable;
