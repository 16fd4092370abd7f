import { removalChanges } from '../change-ops';
import { defineCommand, refuse } from '../command';

export interface DisconnectArgs {
  /** Edge ids to remove; default the selected connections. */
  edges?: string[];
}

/** Removes connections (leaving the layers in place). */
export const disconnect = defineCommand<DisconnectArgs>({
  id: 'disconnect',
  label: 'Disconnect',
  group: 'edit',
  canRun: (state, args) => existing(state.doc.edges, args.edges ?? state.selection.edges).size > 0,
  perform(state, args) {
    const ids = existing(state.doc.edges, args.edges ?? state.selection.edges);
    if (ids.size === 0) return refuse('Select the connections to remove first.');
    return { changes: removalChanges(state.doc, new Set(), ids), undoable: true };
  },
});

function existing(edges: readonly { id: string }[], ids: readonly string[]): Set<string> {
  const wanted = new Set(ids);
  return new Set(edges.filter((e) => wanted.has(e.id)).map((e) => e.id));
}
