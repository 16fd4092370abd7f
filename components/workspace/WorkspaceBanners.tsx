'use client';

import type { GraphDoc } from '@/engine/graph/schema';
import type { VersionItem } from './types';
import type { DraftOffer } from './useDraftRecovery';

interface Props {
  view:
    | { kind: 'edit' }
    | { kind: 'version'; number: number; graph: GraphDoc }
    | { kind: 'diff'; from: number; to: number }
    | { kind: 'compare' };
  editable: boolean;
  conflict: VersionItem | null;
  base: number | null;
  saving: boolean;
  drafts: { offer: DraftOffer | null; accept(): void; discard(): void };
  onBack(): void;
  onRestore(n: number): void;
  onSaveOnTop(n: number): void;
  onCompare(from: number, to: number): void;
  onDiscardAndLoad(n: number): void;
}

/** The messages above the canvas: an old version being looked at, a save conflict, a draft to bring back. */
export function WorkspaceBanners({
  view,
  editable,
  conflict,
  base,
  saving,
  drafts,
  onBack,
  onRestore,
  onSaveOnTop,
  onCompare,
  onDiscardAndLoad,
}: Props) {
  return (
    <>
      {view.kind === 'version' ? (
        <section className="alert warn workspace-banner" aria-label={`Version ${view.number}`}>
          <p>
            <strong>Version {view.number}</strong> <span className="badge grey">read-only</span> — you are looking at an older version; the
            editor keeps your work.
          </p>
          {editable ? (
            <button type="button" onClick={() => onRestore(view.number)}>
              Restore this version
            </button>
          ) : null}
          <button type="button" className="primary" onClick={onBack}>
            Back to the editor
          </button>
        </section>
      ) : null}
      {conflict ? (
        <div className="alert warn workspace-banner" role="alert" aria-label="Conflict">
          <p>
            Version {conflict.number} by {conflict.author?.name ?? 'someone'} was saved while you were editing
            {conflict.message ? ` (“${conflict.message}”)` : ''}. Your edits are still here.
          </p>
          <button type="button" className="primary" disabled={saving} onClick={() => onSaveOnTop(conflict.number)}>
            Save mine on top of version {conflict.number}
          </button>
          {base ? (
            <button type="button" onClick={() => onCompare(base, conflict.number)}>
              See what they changed
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => window.confirm('Discard your edits and load their version?') && onDiscardAndLoad(conflict.number)}
          >
            Discard mine, load version {conflict.number}
          </button>
        </div>
      ) : null}
      {drafts.offer ? (
        <div className="alert warn workspace-banner" role="alert" aria-label="Unsaved draft">
          <p>
            {drafts.offer.elsewhere ? 'Another tab or an earlier visit left unsaved edits' : 'Your unsaved edits'} from{' '}
            {new Date(drafts.offer.draft.savedAt).toLocaleString()}
            {drafts.offer.draft.baseVersion ? ` (based on version ${drafts.offer.draft.baseVersion})` : ''} are kept in this browser.
            {drafts.offer.conflict ? ' A newer version was saved since: restoring them replaces what is on the canvas.' : ''}
          </p>
          <button type="button" className="primary" onClick={drafts.accept}>
            Restore the edits
          </button>
          <button type="button" onClick={drafts.discard}>
            Discard them
          </button>
        </div>
      ) : null}
    </>
  );
}
