import { z } from 'zod';
import { parseGraph } from '../../../engine/graph/parse';
import {
  GRAPH_FORMAT,
  type GraphDoc,
  type GraphEdge,
  GraphEdgeSchema,
  type GraphGroup,
  GraphGroupSchema,
  type GraphNode,
  GraphNodeSchema,
} from '../../../engine/graph/schema';

/** The format tag of copied layers on the system clipboard. */
export const CLIPBOARD_FORMAT = 'netcanvas.clipboard';
/** Bump (and keep reading the old one) when the clipboard payload changes. */
export const CLIPBOARD_VERSION = 1;

/**
 * Copied layers as they travel through the system clipboard, as JSON text, so they paste into another
 * project, another tab or another browser. Nodes and groups use the graph document's own schemas.
 */
export const ClipboardSchema = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(CLIPBOARD_VERSION),
  nodes: z.array(GraphNodeSchema).max(20000),
  edges: z.array(GraphEdgeSchema).max(50000),
  groups: z.array(GraphGroupSchema).default([]),
});

/** A piece of a graph: some nodes, the edges between them, and the groups they belong to. */
export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
}

/** The selected nodes with the edges internal to them and their groups. */
export function extractFragment(doc: GraphDoc, nodeIds: readonly string[]): Fragment {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const groupIds = new Set(nodes.flatMap((n) => (n.groupId ? [n.groupId] : [])));
  const groups = (doc.groups ?? []).filter((g) => groupIds.has(g.id));
  return { nodes, edges, groups };
}

/**
 * Clipboard text for a fragment.
 *
 * @example
 * JSON.parse(toClipboardText(fragment)).format // 'netcanvas.clipboard'
 */
export function toClipboardText(fragment: Fragment): string {
  return JSON.stringify({ format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, ...fragment }, null, 2);
}

export type ClipboardRead = { ok: true; fragment: Fragment } | { ok: false; reason: string };

/**
 * Reads clipboard text: NetCanvas clipboard JSON, or a whole graph document (pasted as its layers).
 * Anything else is refused with a sentence that says what the clipboard held instead.
 */
export function readClipboardText(text: string): ClipboardRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The clipboard holds text, not NetCanvas layers. Copy layers in NetCanvas first.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'The clipboard holds JSON, but not NetCanvas layers.' };
  }
  const raw = value as Record<string, unknown>;
  if (raw.format === GRAPH_FORMAT) {
    const parsed = parseGraph(raw);
    if (!parsed.ok) return { ok: false, reason: `The copied graph is not valid: ${parsed.diagnostics[0]?.message ?? 'unknown problem'}` };
    const { nodes, edges, groups = [] } = parsed.doc;
    return nonEmpty({ nodes, edges, groups });
  }
  if (raw.format !== CLIPBOARD_FORMAT) {
    const what = typeof raw.format === 'string' ? ` (format "${raw.format.slice(0, 60)}")` : '';
    return { ok: false, reason: `The clipboard holds JSON${what}, but not NetCanvas layers.` };
  }
  if (typeof raw.version === 'number' && raw.version > CLIPBOARD_VERSION) {
    return {
      ok: false,
      reason: `These layers were copied from a newer NetCanvas (clipboard version ${raw.version}); reload this page to paste them.`,
    };
  }
  const parsed = ClipboardSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, reason: `The copied layers are damaged (${where}${issue?.message ?? 'invalid'}).` };
  }
  return nonEmpty(parsed.data);
}

function nonEmpty(fragment: Fragment): ClipboardRead {
  return fragment.nodes.length === 0 ? { ok: false, reason: 'The clipboard holds no layers.' } : { ok: true, fragment };
}
