'use client';

import '@annotorious/annotorious/annotorious.css';
import type { DrawingStyle, ImageAnnotation, ImageAnnotator } from '@annotorious/annotorious';
import { useEffect, useRef, useState } from 'react';
import { boxColour } from '@/components/training/DetectionImage';
import type { DrawnBox, Rect } from './box-labeling-state';

/**
 * The drawing surface of the box labeller: one image with its boxes, drawn by dragging, selected by
 * clicking, moved and resized by their handles. Drawing and hit-testing are Annotorious's
 * (`@annotorious/annotorious`, BSD-3: rectangles with drag handles over an image, no framework of its
 * own to fight with React); this component only translates between its pixel rectangles and the
 * labeller's boxes in fractions of the image, and reports what the mouse did. The labeller's state
 * stays the one source of truth: the surface is brought in line with `boxes` after every change.
 */
export function BoxCanvas({
  src,
  alt,
  boxes,
  selected,
  activeClass,
  drawingEnabled,
  onDraw,
  onMove,
  onSelect,
  onRemove,
  faint = NONE,
}: {
  src: string;
  alt: string;
  boxes: readonly DrawnBox[];
  selected: string | null;
  activeClass: number;
  drawingEnabled: boolean;
  onDraw: (id: string, rect: Rect) => void;
  onMove: (id: string, rect: Rect) => void;
  onSelect: (id: string | null) => void;
  onRemove: (id: string) => void;
  /** Boxes drawn thin and pale: not placed by the user (the video labeller's interpolated boxes). */
  faint?: readonly string[];
}) {
  const host = useRef<HTMLDivElement>(null);
  const image = useRef<HTMLImageElement | null>(null);
  const annotator = useRef<ImageAnnotator | null>(null);
  // Handlers change every render; Annotorious keeps the first ones it was given.
  const handlers = useRef({ onDraw, onMove, onSelect, onRemove, activeClass, faint });
  handlers.current = { onDraw, onMove, onSelect, onRemove, activeClass, faint };
  // One style function for the annotator's life, reading the latest props through `handlers`.
  const styleOf = useRef((a: ImageAnnotation): DrawingStyle => {
    const colour = boxColour(classOf(a) ?? handlers.current.activeClass) as `rgb(${number}, ${number}, ${number})`;
    if (handlers.current.faint.includes(a.id))
      return { fill: colour, fillOpacity: 0.04, stroke: colour, strokeOpacity: 0.7, strokeWidth: 1 };
    return { fill: colour, fillOpacity: 0.12, stroke: colour, strokeWidth: 2 };
  });
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    // The image is made here, not by React: Annotorious wraps it in its own element.
    const img = document.createElement('img');
    img.className = 'box-image';
    img.draggable = false;
    img.addEventListener('load', () => setSize({ width: img.naturalWidth, height: img.naturalHeight }));
    container.appendChild(img);
    image.current = img;
    let live = true;
    let made: ImageAnnotator | null = null;
    void import('@annotorious/annotorious').then(({ createImageAnnotator }) => {
      if (!live) return;
      made = createImageAnnotator(img, {
        drawingEnabled: true,
        drawingMode: 'drag',
        autoSave: true,
        style: styleOf.current,
      });
      made.setDrawingTool('rectangle');
      const rect = (a: ImageAnnotation) => rectOf(a, img);
      made.on('createAnnotation', (a) => handlers.current.onDraw(a.id, rect(a)));
      // Report every move and resize as it happens: Annotorious's own update event waits for a
      // second of stillness, and a box pushed from the state in that second (another image shown)
      // would lose the edit. Its store tells of each step of the drag.
      made.state.store.observe((event) => {
        if (String(event.origin) !== 'LOCAL') return;
        for (const update of event.changes.updated ?? [])
          if (update.targetUpdated) handlers.current.onMove(update.newValue.id, rect(update.newValue));
      });
      made.on('deleteAnnotation', (a) => handlers.current.onRemove(a.id));
      made.on('selectionChanged', (list) => handlers.current.onSelect(list[0]?.id ?? null));
      annotator.current = made;
      setReady(true);
      setSize((s) => s ?? (img.complete && img.naturalWidth ? { width: img.naturalWidth, height: img.naturalHeight } : null));
    });
    return () => {
      live = false;
      made?.destroy();
      annotator.current = null;
      img.remove();
    };
  }, []);

  useEffect(() => {
    if (image.current && image.current.getAttribute('src') !== src) {
      image.current.src = src;
      image.current.alt = alt;
    }
  }, [src, alt]);

  useEffect(() => {
    if (ready) annotator.current?.setDrawingEnabled(drawingEnabled);
  }, [drawingEnabled, ready]);

  // Annotorious styles a box when it changes; a box turning faint or solid in place is redrawn.
  const faintKey = faint.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the style reads `faint` through `handlers`; its change is what calls for the redraw
  useEffect(() => {
    if (ready) annotator.current?.setStyle(styleOf.current);
  }, [faintKey, ready]);

  // Bring the surface in line with the state: add, update and remove what differs.
  useEffect(() => {
    const anno = annotator.current;
    if (!ready || !anno || !size) return;
    const shown = new Map(anno.getAnnotations().map((a) => [a.id, a]));
    for (const box of boxes) {
      const want = annotationOf(box, size);
      const have = shown.get(box.id);
      if (!have) anno.addAnnotation(want);
      else if (!sameAnnotation(have, want)) anno.updateAnnotation(want);
      shown.delete(box.id);
    }
    for (const id of shown.keys()) anno.removeAnnotation(id);
    const current = anno.getSelected()[0]?.id ?? null;
    if (current !== selected) {
      if (selected) anno.setSelected(selected, true);
      else anno.cancelSelected();
    }
  }, [boxes, selected, size, ready]);

  return <div ref={host} className="box-canvas" data-testid="box-canvas" data-ready={size && ready ? 'true' : 'false'} />;
}

const NONE: readonly string[] = [];

/** The class index a surface annotation carries in its classifying body. */
function classOf(a: ImageAnnotation): number | null {
  const value = a.bodies.find((b) => b.purpose === 'classifying')?.value;
  return value === undefined ? null : Number(value);
}

function rectOf(a: ImageAnnotation, img: HTMLImageElement): Rect {
  const { minX, minY, maxX, maxY } = a.target.selector.geometry.bounds;
  const w = img.naturalWidth || 1;
  const h = img.naturalHeight || 1;
  return { x: minX / w, y: minY / h, width: (maxX - minX) / w, height: (maxY - minY) / h };
}

function annotationOf(box: DrawnBox, size: { width: number; height: number }): ImageAnnotation {
  const x = box.x * size.width;
  const y = box.y * size.height;
  const w = box.width * size.width;
  const h = box.height * size.height;
  return {
    id: box.id,
    bodies: [{ id: `${box.id}-class`, annotation: box.id, purpose: 'classifying', value: String(box.classIndex) }],
    target: {
      annotation: box.id,
      selector: {
        type: 'RECTANGLE' as ImageAnnotation['target']['selector']['type'],
        geometry: { x, y, w, h, bounds: { minX: x, minY: y, maxX: x + w, maxY: y + h } },
      } as ImageAnnotation['target']['selector'],
    },
  };
}

/** Same place (to a hundredth of a pixel) and class: nothing to update. */
function sameAnnotation(a: ImageAnnotation, b: ImageAnnotation): boolean {
  const p = a.target.selector.geometry.bounds;
  const q = b.target.selector.geometry.bounds;
  const near = (u: number, v: number) => Math.abs(u - v) < 0.01;
  return near(p.minX, q.minX) && near(p.minY, q.minY) && near(p.maxX, q.maxX) && near(p.maxY, q.maxY) && classOf(a) === classOf(b);
}
