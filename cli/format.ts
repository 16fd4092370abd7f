import type { Analysis } from '../engine/analysis/types';
import type { Diagnostic } from '../engine/diagnostics';
import type { GraphDoc } from '../engine/graph/schema';
import { layerSpec } from '../engine/layers/registry';
import { formatShape, type Shape } from '../engine/shape';

export interface SummaryLayer {
  name: string;
  type: string;
  outputShape: Shape | Shape[] | null;
  params: number | null;
}

/** One row per node in topological order (nodes on cycles last), as Keras's summary lists layers. */
export function summaryLayers(doc: GraphDoc, analysis: Analysis): SummaryLayer[] {
  const ids = [...analysis.order, ...doc.nodes.map((n) => n.id).filter((id) => !analysis.order.includes(id))];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return ids.map((id) => {
    const node = byId.get(id);
    const info = analysis.nodes[id];
    const shapes = info?.outputShapes ?? null;
    const count = info?.paramCount;
    const className =
      node?.type === 'unsupported'
        ? String(node.params.className ?? 'Unsupported')
        : (layerSpec(node?.type ?? '')?.keras.className ?? node?.type ?? '?');
    return {
      name: info?.layerName ?? id,
      type: node?.type === 'input' ? 'InputLayer' : className,
      outputShape: shapes === null ? null : shapes.length === 1 ? (shapes[0] ?? null) : shapes,
      params: count ? count.trainable + count.nonTrainable : null,
    };
  });
}

const group = (n: number) => n.toLocaleString('en-US');

/** The Keras-style text table: layer, output shape, parameters; then totals and diagnostics. */
export function formatSummary(title: string, layers: SummaryLayer[], analysis: Analysis, diagnostics: Diagnostic[]): string {
  const rows = layers.map((l) => [
    `${l.name} (${l.type})`,
    l.outputShape === null
      ? '?'
      : Array.isArray(l.outputShape[0])
        ? (l.outputShape as Shape[]).map(formatShape).join(', ')
        : formatShape(l.outputShape as Shape),
    l.params === null ? '?' : group(l.params),
  ]);
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)) + 2);
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart((widths[i] ?? 0) - 2) : c.padEnd(widths[i] ?? 0))).join('');
  const rule = (ch: string) => ch.repeat(widths.reduce((a, b) => a + b, 0));
  const out = [
    `Model: "${title}"`,
    rule('─'),
    line(header),
    rule('═'),
    ...rows.flatMap((r, i) => (i === 0 ? [line(r)] : [rule('─'), line(r)])),
    rule('═'),
  ];
  const { totals } = analysis;
  const suffix = totals.complete ? '' : ' (incomplete: some layers could not be analysed)';
  out.push(
    `Total params: ${group(totals.params)}${suffix}`,
    `Trainable params: ${group(totals.trainableParams)}`,
    `Non-trainable params: ${group(totals.nonTrainableParams)}`,
  );
  out.push(`FLOPs per sample: ${group(totals.flops)} · activations per sample: ${(totals.activationBytes / 1024).toFixed(1)} KiB`);
  if (diagnostics.length > 0) {
    out.push('', `Diagnostics (${diagnostics.length}):`);
    for (const d of diagnostics) out.push(formatDiagnostic(d));
  }
  return out.join('\n');
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.nodeId && `node ${d.nodeId}`, d.edgeId && `edge ${d.edgeId}`, d.field && `field ${d.field}`].filter(Boolean).join(', ');
  return `  ${d.severity}[${d.code}]${where ? ` (${where})` : ''}: ${d.message}${d.hint ? `\n      hint: ${d.hint}` : ''}`;
}
