'use client';

import { type CSSProperties, type RefObject, useEffect, useState } from 'react';

/** How often the page is looked at again: targets appear later (a finished run's confusion matrix). */
const POLL_MS = 400;
const GAP = 12;
const MARGIN = 12;

export interface TourTarget {
  found: boolean;
  /** Where the card goes, beside the target and inside the window; null when there is none. */
  position: CSSProperties | null;
}

/**
 * Finds the first visible element matching one of the selectors, rings it (`.tour-target`) and
 * places the card beside it: below when there is room, else above, else to its left.
 */
export function useTourTarget(selectors: readonly string[], card: RefObject<HTMLElement | null>): TourTarget {
  const [target, setTarget] = useState<TourTarget>({ found: false, position: null });
  const key = selectors.join('|');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the selectors
  useEffect(() => {
    let ringed: Element | null = null;
    let last = '';
    const look = () => {
      const element = firstVisible(selectors);
      if (element !== ringed) {
        ringed?.classList.remove('tour-target');
        element?.classList.add('tour-target');
        ringed = element;
      }
      const next: TourTarget = element
        ? { found: true, position: place(element.getBoundingClientRect(), card.current) }
        : { found: false, position: null };
      const signature = JSON.stringify(next);
      if (signature !== last) {
        last = signature;
        setTarget(next);
      }
    };
    look();
    const timer = setInterval(look, POLL_MS);
    window.addEventListener('resize', look);
    return () => {
      clearInterval(timer);
      window.removeEventListener('resize', look);
      ringed?.classList.remove('tour-target');
    };
  }, [key, card]);

  return target;
}

function firstVisible(selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    for (const element of document.querySelectorAll(selector)) {
      const r = element.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth) {
        return element;
      }
    }
  }
  return null;
}

function place(rect: DOMRect, card: HTMLElement | null): CSSProperties {
  const width = card?.offsetWidth ?? 320;
  const height = card?.offsetHeight ?? 200;
  const left = Math.round(Math.min(Math.max(MARGIN, rect.left), window.innerWidth - width - MARGIN));
  if (rect.bottom + GAP + height <= window.innerHeight - MARGIN) return { top: Math.round(rect.bottom + GAP), left };
  if (rect.top - GAP - height >= MARGIN) return { top: Math.round(rect.top - GAP - height), left };
  return {
    top: Math.round(Math.min(Math.max(MARGIN, rect.top), window.innerHeight - height - MARGIN)),
    left: Math.round(Math.max(MARGIN, rect.left - width - GAP)),
  };
}
