/** The presenter's text sizes, as a factor of the normal size: normal up to twice as large. */
export const TEXT_SCALES = [1, 1.15, 1.3, 1.5, 1.75, 2] as const;

/** Where the chosen size is kept in this browser (a setting of the person, not of a project). */
export const TEXT_SCALE_KEY = 'netcanvas.textScale';

/** Reads a stored size; anything that is not one of the offered sizes is the normal size. */
export function parseTextScale(stored: string | null): number {
  const value = Number(stored);
  return (TEXT_SCALES as readonly number[]).includes(value) ? value : 1;
}

/** The next size up (+1) or down (−1), staying within the offered sizes. */
export function stepTextScale(current: number, direction: 1 | -1): number {
  const index = TEXT_SCALES.findIndex((s) => s >= current);
  const next = Math.max(0, Math.min(TEXT_SCALES.length - 1, (index < 0 ? 0 : index) + direction));
  return TEXT_SCALES[next] as number;
}

/**
 * Applies a size to the page: the `--text-scale` variable and a `data-text-scale` attribute on the
 * root element, which projector.css reads (rem-based text follows the root font size; the canvas's
 * layers, whose sizes are in pixels, are scaled by their own rules).
 */
export function applyTextScale(
  root: {
    style: { setProperty(name: string, value: string): void; removeProperty(name: string): void };
    dataset: Record<string, string | undefined>;
  },
  scale: number,
): void {
  if (scale === 1) {
    root.style.removeProperty('--text-scale');
    delete root.dataset.textScale;
    return;
  }
  root.style.setProperty('--text-scale', String(scale));
  root.dataset.textScale = String(scale);
}
