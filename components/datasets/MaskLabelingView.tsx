'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { swatch } from '@/components/training/SegmentationResults';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { MaskSize } from '@/engine/data/mask-paint';
import { decodeMask } from '@/engine/data/mask-rle';
import * as datasetRoutes from '@/server/datasets/routes';
import { ClassPicker } from './ClassPicker';
import { sampleImageUrl } from './dataset-endpoints';
import { readMaskDraft, writeMaskDraft } from './label-draft';
import { classKeys } from './labeling-state';
import { loadAllSamples, useKeptDraft, useLabellerKeys } from './labeller-hooks';
import { MaskCanvas } from './MaskCanvas';
import {
  currentIndex,
  currentMask,
  draftOf,
  hasUnsaved,
  labelledCount,
  MAX_BRUSH,
  type MaskTool,
  maskActionForKey,
  maskLabelingStep,
  pixelsPerClass,
  savePayload,
  startMaskLabeling,
} from './mask-labeling-state';

/** Most images loaded into one labelling session. */
const MAX_IMAGES = 20_000;

const TOOLS: { tool: MaskTool; label: string; key: string }[] = [
  { tool: 'brush', label: 'Brush', key: 'B' },
  { tool: 'eraser', label: 'Eraser', key: 'E' },
  { tool: 'polygon', label: 'Polygon', key: 'P' },
];

/**
 * Painting masks on a segmentation dataset's images: a brush (and an eraser) paints the chosen
 * class where it is dragged, the polygon tool fills the shape its clicked corners enclose (close it
 * by clicking the first corner, double-clicking or Enter). Class keys as in the other labellers,
 * Shift+B/E/P for the tools, [ and ] for the brush size, Ctrl+Z undoes, arrows move between images.
 * Unsaved masks are kept as a draft in this browser; saving makes a new version.
 */
export function MaskLabelingView({
  datasetId,
  number,
  classes,
  size,
}: {
  datasetId: string;
  number: number;
  classes: string[];
  size: MaskSize;
}) {
  const router = useRouter();
  const [state, dispatch] = useReducer(maskLabelingStep, startMaskLabeling(size, classes));
  const [names, setNames] = useState<Record<number, string | null>>({});
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [opacity, setOpacity] = useState(0.55);
  const saved = useRef(false);
  const keys = useMemo(() => classKeys(state.classes), [state.classes]);

  useEffect(() => {
    let live = true;
    void loadAllSamples(datasetId, number, 'all', MAX_IMAGES).then((loadedSamples) => {
      if (!live) return;
      if (!loadedSamples.ok) return setError(loadedSamples.message);
      const stored: Record<number, Uint8Array> = {};
      const named: Record<number, string | null> = {};
      for (const s of loadedSamples.samples) {
        named[s.index] = s.name;
        const decoded = s.mask ? decodeMask(s.mask, size.width * size.height) : null;
        if (decoded && 'pixels' in decoded) stored[s.index] = decoded.pixels;
      }
      // Images without a mask first: they are the work to do.
      const queue = loadedSamples.samples.map((s) => s.index).sort((a, b) => Number(a in stored) - Number(b in stored) || a - b);
      dispatch({ type: 'load', queue, stored });
      const draft = readMaskDraft(datasetId, number);
      if (draft) {
        dispatch({ type: 'restore', draft });
        setRestored(Object.keys(draft.masks).length);
      }
      setNames(named);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [datasetId, number, size]);

  useKeptDraft(
    loaded && !saved.current,
    state,
    (s) => (hasUnsaved(s) ? draftOf(s) : null),
    (draft) => writeMaskDraft(datasetId, number, draft),
  );
  useLabellerKeys(loaded, (event) => maskActionForKey(event, keys), dispatch);

  const changed = Object.keys(state.changed).length;
  const mask = currentMask(state);
  const painted = useMemo(() => pixelsPerClass(mask, state.classes.length), [mask, state.classes.length]);

  async function save() {
    setSaving(true);
    setError(null);
    const payload = savePayload(state);
    const result = await call(datasetRoutes.createDatasetVersion, {
      params: { datasetId },
      body: {
        parent: number,
        ...payload,
        message: `Masks painted on ${payload.masks.length} image${payload.masks.length === 1 ? '' : 's'}`,
      },
    });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    saved.current = true;
    writeMaskDraft(datasetId, number, null);
    router.push(`/datasets/${datasetId}?version=${result.data.number}`);
    router.refresh();
  }

  function discardDraft() {
    writeMaskDraft(datasetId, number, null);
    window.location.reload();
  }

  if (!loaded) return error ? <ErrorNote message={error} /> : <p className="muted">Loading the images…</p>;
  if (state.queue.length === 0) return <p className="alert">This version has no images.</p>;
  const index = currentIndex(state) as number;
  const labelled = labelledCount(state);
  const total = size.width * size.height;

  return (
    <div className="stack" data-hydrated="true">
      <ErrorNote message={error} />
      {restored > 0 ? (
        <p className="alert">
          Restored unsaved masks of {restored} image{restored === 1 ? '' : 's'} from this browser.{' '}
          <button type="button" onClick={discardDraft}>
            Discard them
          </button>
        </p>
      ) : null}
      <div className="box-stage">
        <section className="panel box-image-panel" aria-label="Image to label">
          <progress className="ds-progress" aria-label="Labelling progress" max={state.queue.length} value={labelled} />
          <p className="small muted" aria-live="polite" data-testid="mask-progress">
            {labelled} of {state.queue.length} images have a mask · image {state.position + 1} of {state.queue.length}
            {changed > 0 ? ` · ${changed} changed, not saved yet` : ''}
          </p>
          <MaskCanvas
            src={sampleImageUrl(datasetId, number, index)}
            alt={`Sample ${index}${names[index] ? ` (${names[index]})` : ''}`}
            size={size}
            mask={mask}
            tool={state.tool}
            brush={state.brush}
            polygon={state.polygon}
            opacity={opacity}
            onPaint={(from, to, startsStroke) => dispatch({ type: 'paint', from, to, startsStroke })}
            onCorner={(point) => dispatch({ type: 'addCorner', point })}
            onClose={() => dispatch({ type: 'closePolygon' })}
          />
          <p className="small muted" data-testid="image-name">
            {names[index] ?? `Sample ${index}`} · {size.width}×{size.height} pixels
          </p>
          {state.notice ? (
            <p className="small" role="status">
              {state.notice}
            </p>
          ) : null}
        </section>
        <section className="panel stack" aria-label="Classes and tools">
          <ClassPicker
            classes={state.classes}
            active={state.activeClass}
            keys={keys}
            colour={swatch}
            placeholder="e.g. tumour"
            extra={(i) => (
              <span className="muted small" data-testid={`painted-${i}`}>
                {' '}
                {Math.round(((painted[i] ?? 0) / total) * 100)} %
              </span>
            )}
            onPick={(cls) => dispatch({ type: 'pickClass', cls })}
            onAdd={(name) => dispatch({ type: 'addClass', name })}
          />
          <fieldset className="ds-keys box-classes" aria-label="Tools">
            {TOOLS.map((t) => (
              <button
                key={t.tool}
                type="button"
                aria-pressed={state.tool === t.tool}
                onClick={() => dispatch({ type: 'tool', tool: t.tool })}
              >
                <span className="kbd">⇧{t.key}</span> {t.label}
              </button>
            ))}
          </fieldset>
          <div className="row">
            <label>
              Brush size ({state.brush} px)
              <input
                type="range"
                min={1}
                max={Math.min(MAX_BRUSH, Math.max(2, Math.round(Math.min(size.width, size.height) / 2)))}
                value={state.brush}
                onChange={(e) => dispatch({ type: 'brush', radius: Number(e.target.value) })}
              />
            </label>
            <label>
              Mask opacity
              <input type="range" min={0.1} max={1} step={0.05} value={opacity} onChange={(e) => setOpacity(Number(e.target.value))} />
            </label>
          </div>
          {state.tool === 'polygon' ? (
            <div className="row">
              <span className="small muted">{state.polygon.length} corner(s)</span>
              <button type="button" onClick={() => dispatch({ type: 'closePolygon' })} disabled={state.polygon.length < 3}>
                Fill the polygon
              </button>
              <button type="button" onClick={() => dispatch({ type: 'cancelPolygon' })} disabled={state.polygon.length === 0}>
                Cancel it
              </button>
            </div>
          ) : null}
          <p className="small muted">
            Drag to paint the chosen class; the eraser paints background. With the polygon, click its corners and close it on the first
            corner, by double-clicking or with <span className="kbd">Enter</span>. <span className="kbd">1</span>–
            <span className="kbd">9</span> pick the class, <span className="kbd">[</span> <span className="kbd">]</span> the brush size,{' '}
            <span className="kbd">Ctrl</span>+<span className="kbd">Z</span> undoes, <span className="kbd">←</span>{' '}
            <span className="kbd">→</span> move between images.
          </p>
          <div className="row">
            <button type="button" onClick={() => dispatch({ type: 'previous' })} disabled={state.position === 0}>
              ← Previous
            </button>
            <button type="button" onClick={() => dispatch({ type: 'next' })} disabled={state.position >= state.queue.length - 1}>
              Next →
            </button>
            <button type="button" onClick={() => dispatch({ type: 'copyPrevious' })} disabled={state.position === 0}>
              Copy the previous mask
            </button>
            <button type="button" onClick={() => dispatch({ type: 'undo' })}>
              Undo
            </button>
            <button type="button" onClick={() => dispatch({ type: 'clear' })}>
              Clear the mask
            </button>
          </div>
          <div className="row">
            <span className="spacer" />
            <button type="button" className="primary" onClick={() => void save()} disabled={saving || !hasUnsaved(state)}>
              Save masks of {changed} image{changed === 1 ? '' : 's'} as a new version
            </button>
          </div>
        </section>
      </div>
    </div>
  );
}
