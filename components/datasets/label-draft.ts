import type { BoxDraft } from './box-labeling-state';

/**
 * Unsaved boxes kept in this browser, one draft per dataset version, so that a reload, a crash or
 * a link followed by mistake loses nothing. A saved version has a new number, so its draft is gone.
 */
const keyOf = (datasetId: string, number: number) => `netcanvas.box-draft.${datasetId}@${number}`;

/** The draft left for this version, if there is one and it still reads. */
export function readDraft(datasetId: string, number: number): BoxDraft | null {
  try {
    const text = localStorage.getItem(keyOf(datasetId, number));
    if (!text) return null;
    const draft = JSON.parse(text) as BoxDraft;
    return draft && typeof draft.boxes === 'object' && Array.isArray(draft.addedClasses) ? draft : null;
  } catch {
    return null;
  }
}

/** Keeps `draft` for this version, or forgets it when there is nothing unsaved (null). */
export function writeDraft(datasetId: string, number: number, draft: BoxDraft | null): void {
  try {
    if (draft) localStorage.setItem(keyOf(datasetId, number), JSON.stringify(draft));
    else localStorage.removeItem(keyOf(datasetId, number));
  } catch {
    // Storage full or switched off: the page still warns before it is left.
  }
}
