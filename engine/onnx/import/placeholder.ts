import type { Diagnostic } from '../../diagnostics';
import type { DesignBuilder, Tracked, Unsupported } from './design-builder';
import type { Val } from './op-context';
import type { OpNode } from './op-graph';
import { SAME_SHAPE_OPS } from './op-table';

/**
 * An operation with no layer becomes an `unsupported` node naming it, fed by the tensors it read, with
 * a note and a diagnostic saying what to use instead. Its output keeps a known shape where the op
 * preserves it or the converter knew it, so the operations after it still convert.
 */
export function placeholder(
  b: DesignBuilder,
  node: OpNode,
  error: Unsupported,
  values: Map<string, Val>,
  consumers: Map<string, OpNode[]>,
  diagnostics: Diagnostic[],
  fileKind: string,
): void {
  const inputs = node.inputs
    .map((n) => values.get(n))
    .filter((v): v is { kind: 'tensor'; t: Tracked } => v?.kind === 'tensor')
    .map((v) => v.t);
  const config = Object.fromEntries(Object.entries(node.attrs).filter(([, v]) => typeof v !== 'object' || Array.isArray(v)));
  const reason = error.message;
  const id = b.placeholder(node.label ?? node.op, config, reason, inputs, node.name || node.op);
  const first = inputs[0];
  const keepsShape = SAME_SHAPE_OPS.has(node.op) && first;
  for (const [i, name] of node.outputs.entries()) {
    if (!name) continue;
    const known = i === 0 ? (error.output ?? (keepsShape ? { shape: first.shape, perm: first.perm } : undefined)) : undefined;
    values.set(name, { kind: 'tensor', t: { node: id, port: i, shape: known?.shape ?? null, perm: known?.perm ?? null } });
  }
  const hint = error.hint ?? 'Replace the placeholder with an equivalent layer from the palette, or delete it.';
  b.note({ nodeId: id, status: 'placeholder', source: opLabel(node), message: `Kept as a placeholder: ${reason}.`, replaceWith: hint });
  diagnostics.push({
    code: 'import_placeholder',
    severity: 'error',
    nodeId: id,
    message: `${fileKind} ${node.label ?? node.op}${node.name ? ` "${node.name}"` : ''} was kept as a placeholder: ${reason}.`,
    hint,
  });
  void consumers;
}

export function opLabel(node: OpNode): string {
  return `${node.label ?? node.op}${node.name ? ` "${node.name}"` : ''}`;
}
