'use client';

import './projector.css';
import { useEffect, useState } from 'react';
import { applyTextScale, parseTextScale, stepTextScale, TEXT_SCALE_KEY, TEXT_SCALES } from './text-scale';

/**
 * The presenter's text size: smaller and larger buttons in the project header, for a projector at
 * the back of a room. Applies to every tab and the canvas's layers; kept in this browser.
 */
export function TextSizeControl() {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const stored = parseTextScale(window.localStorage.getItem(TEXT_SCALE_KEY));
    setScale(stored);
    applyTextScale(document.documentElement, stored);
  }, []);
  const change = (direction: 1 | -1) => {
    const next = stepTextScale(scale, direction);
    setScale(next);
    applyTextScale(document.documentElement, next);
    if (next === 1) window.localStorage.removeItem(TEXT_SCALE_KEY);
    else window.localStorage.setItem(TEXT_SCALE_KEY, String(next));
  };
  return (
    <fieldset className="text-size" aria-label="Text size">
      <button
        type="button"
        className="text-size__button"
        onClick={() => change(-1)}
        disabled={scale <= TEXT_SCALES[0]}
        aria-label="Smaller text"
        title="Smaller text"
      >
        A−
      </button>
      <output className="text-size__value small" data-testid="text-scale" data-scale={scale} aria-live="polite">
        {Math.round(scale * 100)} %
      </output>
      <button
        type="button"
        className="text-size__button"
        onClick={() => change(1)}
        disabled={scale >= (TEXT_SCALES.at(-1) ?? 2)}
        aria-label="Larger text"
        title="Larger text"
      >
        A+
      </button>
    </fieldset>
  );
}
