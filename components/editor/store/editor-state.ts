import { analyse } from '../../../engine/analysis/analyse';
import type { Analysis } from '../../../engine/analysis/types';
import { emptyGraph, type GraphDoc } from '../../../engine/graph/schema';
import { graphContentHash } from './content-hash';

/**
 * What is selected on the canvas, as plain id lists (serializable, in selection order). Commands that
 * act on "the selection" read it from here; the store drops ids that no longer exist after each change.
 */
export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

/** What the toolbar needs to know about the undo history, without exposing the stacks. */
export interface HistoryStatus {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Label of the command the next undo reverts, e.g. "Connect". */
  readonly undoLabel?: string;
  /** Label of the command the next redo repeats. */
  readonly redoLabel?: string;
}

/**
 * The editor's whole state: one immutable snapshot, replaced (never mutated) on every change, so it
 * can be handed to React's `useSyncExternalStore` as is. The viewport stays with the UI.
 */
export interface EditorState {
  readonly doc: GraphDoc;
  readonly selection: Selection;
  /** The engine's analysis of `doc`, recomputed incrementally from the previous one on every edit. */
  readonly analysis: Analysis;
  /** Content hash of the last saved document; `null` when this document was never saved. */
  readonly savedHash: string | null;
  /** The last saved document itself, what a save sends its changes against; `null` with `savedHash`. */
  readonly savedDoc: GraphDoc | null;
  /** `true` when `doc` differs from what was last saved: the unsaved-changes marker. */
  readonly dirty: boolean;
  readonly history: HistoryStatus;
}

export const EMPTY_SELECTION: Selection = Object.freeze({ nodes: Object.freeze([]), edges: Object.freeze([]) });

const NO_HISTORY: HistoryStatus = Object.freeze({ canUndo: false, canRedo: false });

/**
 * A fresh state for a document. By default the document counts as saved (it was just opened);
 * pass `saved: false` for a document that exists only in the editor.
 *
 * @example
 * const state = createEditorState(templateGraph('lenet5')!);
 * state.analysis.totals.params; // 61706
 */
export function createEditorState(doc: GraphDoc = emptyGraph(), options: { saved?: boolean } = {}): EditorState {
  const savedDoc = options.saved === false ? null : doc;
  const savedHash = savedDoc && docHash(savedDoc);
  return { doc, selection: EMPTY_SELECTION, analysis: analyse(doc), savedHash, savedDoc, dirty: savedHash === null, history: NO_HISTORY };
}

/**
 * The state after a change: re-analyses incrementally when the document changed, keeps the selection
 * consistent with the document, and recomputes the unsaved-changes marker. Returns `prev` itself when
 * nothing changed, so subscribers are not woken for no-ops.
 */
export function deriveState(
  prev: EditorState,
  change: {
    doc?: GraphDoc;
    selection?: Selection;
    history?: HistoryStatus;
    markSaved?: boolean;
    /** With `markSaved`: the document that was saved, if not `doc` (edits made while saving stay unsaved). */
    savedDoc?: GraphDoc;
    forgetSaved?: boolean;
  },
): EditorState {
  const doc = change.doc ?? prev.doc;
  const docChanged = doc !== prev.doc;
  const selection = normalizeSelection(doc, change.selection ?? prev.selection);
  const history = change.history && !sameHistory(change.history, prev.history) ? change.history : prev.history;
  let { savedHash, savedDoc } = prev;
  if (change.forgetSaved) [savedHash, savedDoc] = [null, null];
  if (change.markSaved) {
    savedDoc = change.savedDoc ?? doc;
    savedHash = docHash(savedDoc);
  }
  const dirty = docChanged || savedHash !== prev.savedHash ? savedHash === null || docHash(doc) !== savedHash : prev.dirty;
  const sameSaved = savedHash === prev.savedHash && savedDoc === prev.savedDoc;
  if (!docChanged && selection === prev.selection && history === prev.history && sameSaved && dirty === prev.dirty) {
    return prev;
  }
  return {
    doc,
    selection,
    analysis: docChanged && !sameForAnalysis(prev.doc, doc) ? analyse(doc, prev.analysis) : prev.analysis,
    savedHash,
    savedDoc,
    dirty,
    history,
  };
}

/**
 * Drops selected ids that the document does not have and duplicates; returns the same object when
 * it is already clean, so an unchanged selection keeps its identity.
 */
export function normalizeSelection(doc: GraphDoc, selection: Selection): Selection {
  if (selection.nodes.length === 0 && selection.edges.length === 0) return selection;
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const nodes = [...new Set(selection.nodes)].filter((id) => nodeIds.has(id));
  const edges = [...new Set(selection.edges)].filter((id) => edgeIds.has(id));
  if (nodes.length === selection.nodes.length && edges.length === selection.edges.length) return selection;
  return nodes.length === 0 && edges.length === 0 ? EMPTY_SELECTION : { nodes, edges };
}

/** A selection of the given nodes (and edges). */
export function selectionOf(nodes: readonly string[] = [], edges: readonly string[] = []): Selection {
  return nodes.length === 0 && edges.length === 0 ? EMPTY_SELECTION : { nodes: [...nodes], edges: [...edges] };
}

const selectedSets = new WeakMap<Selection, { nodes: Set<string>; edges: Set<string> }>();

/** Whether a node or edge is selected, in constant time (sets built once per selection). */
export function isSelected(selection: Selection, id: string, kind: 'nodes' | 'edges' = 'nodes'): boolean {
  let sets = selectedSets.get(selection);
  if (!sets) {
    sets = { nodes: new Set(selection.nodes), edges: new Set(selection.edges) };
    selectedSets.set(selection, sets);
  }
  return sets[kind].has(id);
}

export function isSelectionEmpty(selection: Selection): boolean {
  return selection.nodes.length === 0 && selection.edges.length === 0;
}

/**
 * `true` when `next` differs from `prev` only in what the analysis does not read — node positions and
 * block membership — so a drag or a regrouping reuses the previous analysis outright. Pointer
 * comparisons only; anything else (params, names, edges, outputs, training) re-analyses.
 */
function sameForAnalysis(prev: GraphDoc, next: GraphDoc): boolean {
  if (prev.edges !== next.edges || prev.outputs !== next.outputs || prev.training !== next.training || prev.name !== next.name)
    return false;
  if (prev.nodes.length !== next.nodes.length) return false;
  return next.nodes.every((node, i) => {
    const old = prev.nodes[i];
    if (node === old) return true;
    return (
      old !== undefined &&
      old.id === node.id &&
      old.type === node.type &&
      old.params === node.params &&
      old.name === node.name &&
      old.trainable === node.trainable
    );
  });
}

const hashes = new WeakMap<GraphDoc, string>();

/** The content hash of a document, remembered per document object (undo brings the same objects back). */
export function docHash(doc: GraphDoc): string {
  let hash = hashes.get(doc);
  if (hash === undefined) {
    hash = graphContentHash(doc);
    hashes.set(doc, hash);
  }
  return hash;
}

function sameHistory(a: HistoryStatus, b: HistoryStatus): boolean {
  return a.canUndo === b.canUndo && a.canRedo === b.canRedo && a.undoLabel === b.undoLabel && a.redoLabel === b.redoLabel;
}
