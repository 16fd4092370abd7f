'use client';

import { useStore } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';

/** Below this zoom the text on layers is unreadable: they are drawn as plain boxes, faster too. */
export const FAR_ZOOM = 0.4;

const isFar = (s: { transform: [number, number, number] }) => s.transform[2] < FAR_ZOOM;

/**
 * Marks the canvas as zoomed far out (a class on its wrapper), so CSS can draw layers without their
 * text and hide the edge labels. Only the class changes: no node re-renders when crossing the line.
 */
export function ZoomClass({ target }: { target: RefObject<HTMLElement | null> }) {
  const far = useStore(isFar);
  useEffect(() => {
    target.current?.classList.toggle('editor-canvas--far', far);
  }, [far, target]);
  return null;
}
