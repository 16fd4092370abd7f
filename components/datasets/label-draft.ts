import type { BoxDraft } from './box-labeling-state';
import type { MaskDraft } from './mask-labeling-state';

/**
 * Unsaved labels (boxes or masks) kept in this browser, one draft per labeller and dataset version,
 * so that a reload, a crash or a link followed by mistake loses nothing. A saved version has a new
 * number, so its draft is gone.
 */
type Kind = 'box' | 'mask';
const keyOf = (kind: Kind, datasetId: string, number: number) => `netcanvas.${kind}-draft.${datasetId}@${number}`;

function readKept<T>(kind: Kind, datasetId: string, number: number, valid: (draft: Record<string, unknown>) => boolean): T | null {
  try {
    const text = localStorage.getItem(keyOf(kind, datasetId, number));
    if (!text) return null;
    const draft = JSON.parse(text) as Record<string, unknown> | null;
    return draft && typeof draft === 'object' && Array.isArray(draft.addedClasses) && valid(draft) ? (draft as T) : null;
  } catch {
    return null;
  }
}

function writeKept(kind: Kind, datasetId: string, number: number, draft: object | null): void {
  try {
    if (draft) localStorage.setItem(keyOf(kind, datasetId, number), JSON.stringify(draft));
    else localStorage.removeItem(keyOf(kind, datasetId, number));
  } catch {
    // Storage full or switched off: the page still warns before it is left.
  }
}

/** The box draft left for this version, if there is one and it still reads. */
export const readDraft = (datasetId: string, number: number) =>
  readKept<BoxDraft>('box', datasetId, number, (d) => typeof d.boxes === 'object' && d.boxes !== null);

/** Keeps `draft` for this version, or forgets it when there is nothing unsaved (null). */
export const writeDraft = (datasetId: string, number: number, draft: BoxDraft | null) => writeKept('box', datasetId, number, draft);

/** The mask draft left for this version (masks as runs, see mask-rle.ts). */
export const readMaskDraft = (datasetId: string, number: number) =>
  readKept<MaskDraft>('mask', datasetId, number, (d) => typeof d.masks === 'object' && d.masks !== null);

export const writeMaskDraft = (datasetId: string, number: number, draft: MaskDraft | null) => writeKept('mask', datasetId, number, draft);
