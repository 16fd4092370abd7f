import { parseGraph } from '../../../../engine/graph/parse';
import { replacementChanges } from '../change-ops';
import { defineCommand, refuse } from '../command';
import { EMPTY_SELECTION } from '../editor-state';

export interface ReplaceDocumentArgs {
  /** A graph document, or its JSON text; it is parsed (and migrated) like any read. */
  doc: unknown;
  /**
   * `open` (default): load a saved version — the history is cleared and the document counts as saved,
   * so undo never goes back past a load. `import`: replace the content of the open project (a template,
   * an imported model, a recovered draft) as an ordinary undoable edit that leaves unsaved changes.
   */
  mode?: 'open' | 'import';
  /** With `import`: consecutive replacements with this key make one undo entry (typing in the JSON view). */
  coalesceKey?: string;
}

/** Replaces the whole document. Refused, with the parser's first problem, when the document is invalid. Output: migrations applied. */
export const replaceDocument = defineCommand<ReplaceDocumentArgs, string[]>({
  id: 'replaceDocument',
  label: 'Replace document',
  group: 'document',
  canRun: (_state, args) => parseGraph(args.doc).ok,
  perform(state, args) {
    const parsed = parseGraph(args.doc);
    if (!parsed.ok) {
      const first = parsed.diagnostics[0];
      return refuse(`This is not a graph NetCanvas can open: ${first?.message ?? 'unknown problem'}`);
    }
    const changes = replacementChanges(state.doc, parsed.doc);
    if (args.mode === 'import') {
      return {
        changes,
        selection: EMPTY_SELECTION,
        undoable: true,
        output: parsed.migrated,
        ...(args.coalesceKey !== undefined ? { coalesceKey: `replace:${args.coalesceKey}` } : {}),
      };
    }
    return { changes, selection: EMPTY_SELECTION, undoable: false, history: 'reset', markSaved: true, output: parsed.migrated };
  },
});
