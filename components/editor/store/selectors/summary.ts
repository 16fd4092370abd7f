import type { Totals } from '../../../../engine/analysis/types';
import type { Diagnostic } from '../../../../engine/diagnostics';
import { layerSpec } from '../../../../engine/layers/registry';
import { formatShape } from '../../../../engine/shape';
import type { EditorState } from '../editor-state';

/** One row of the Keras-style model summary. */
export interface SummaryRow {
  id: string;
  /** The TF.js layer name. */
  name: string;
  /** Keras class name, e.g. `Conv2D` (the type id for unknown types). */
  type: string;
  /** Output shape(s), e.g. `(None, 28, 28, 6)`; `?` when unknown. */
  outputShape: string;
  params: number | null;
  trainable: boolean;
  /** Layer names of the inputs ("Connected to"). */
  connectedTo: string[];
  status: 'ok' | 'error' | 'blocked';
}

export interface ModelSummary {
  rows: SummaryRow[];
  totals: Totals;
}

/**
 * The model summary table: one row per layer in the order the model runs them (layers on a loop come
 * last), plus the totals.
 *
 * @example
 * summaryRows(state).rows[0] // { name: 'input_1', type: 'InputLayer', outputShape: '(None, 28, 28, 1)', params: 0, … }
 */
export function summaryRows(state: EditorState): ModelSummary {
  const { doc, analysis } = state;
  const ordered = new Set(analysis.order);
  const ids = [...analysis.order, ...doc.nodes.map((n) => n.id).filter((id) => !ordered.has(id))];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const rows = ids.flatMap((id): SummaryRow[] => {
    const node = byId.get(id);
    if (!node) return [];
    const result = analysis.nodes[id];
    const count = result?.paramCount;
    const shapes = result?.outputShapes;
    return [
      {
        id,
        name: result?.layerName ?? id,
        type: layerSpec(node.type)?.keras.className ?? node.type,
        outputShape: shapes && shapes.length > 0 ? shapes.map((s) => formatShape(s)).join(', ') : '?',
        params: count ? count.trainable + count.nonTrainable : null,
        trainable: node.trainable !== false,
        connectedTo: doc.edges.filter((e) => e.target === id).map((e) => analysis.nodes[e.source]?.layerName ?? e.source),
        status: result?.status ?? 'error',
      },
    ];
  });
  return { rows, totals: analysis.totals };
}

/** A diagnostic with a stable key for lists and the name of the layer it is about. */
export type DiagnosticItem = Diagnostic & { key: string; nodeName?: string };

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Every problem, errors first, then warnings and notes; within a severity in the order of the layers
 * in the document (graph-wide problems first).
 */
export function diagnosticsList(state: EditorState): DiagnosticItem[] {
  const position = new Map(state.doc.nodes.map((n, i) => [n.id, i]));
  const names = new Map(state.doc.nodes.map((n) => [n.id, n.name ?? state.analysis.nodes[n.id]?.layerName ?? n.id]));
  return state.analysis.diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => {
      const bySeverity = SEVERITY_RANK[a.diagnostic.severity] - SEVERITY_RANK[b.diagnostic.severity];
      if (bySeverity !== 0) return bySeverity;
      const pa = a.diagnostic.nodeId === undefined ? -1 : (position.get(a.diagnostic.nodeId) ?? -1);
      const pb = b.diagnostic.nodeId === undefined ? -1 : (position.get(b.diagnostic.nodeId) ?? -1);
      return pa - pb || a.index - b.index;
    })
    .map(({ diagnostic, index }) => {
      const nodeName = diagnostic.nodeId === undefined ? undefined : names.get(diagnostic.nodeId);
      const key = `${diagnostic.code}:${diagnostic.nodeId ?? ''}:${diagnostic.edgeId ?? ''}:${diagnostic.field ?? ''}:${index}`;
      return nodeName === undefined ? { ...diagnostic, key } : { ...diagnostic, key, nodeName };
    });
}
