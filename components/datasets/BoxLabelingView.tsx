'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { boxColour } from '@/components/training/DetectionImage';
import { call } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { Box } from '@/engine/tasks/detection-boxes';
import * as datasetRoutes from '@/server/datasets/routes';
import { BoxCanvas } from './BoxCanvas';
import { BoxProposals } from './BoxProposals';
import {
  boxActionForKey,
  boxLabelingStep,
  boxProblems,
  currentBoxes,
  currentIndex,
  draftOf,
  hasUnsaved,
  labelledCount,
  savePayload,
  startBoxLabeling,
} from './box-labeling-state';
import { ClassPicker } from './ClassPicker';
import { sampleImageUrl } from './dataset-endpoints';
import { readDraft, writeDraft } from './label-draft';
import { classKeys } from './labeling-state';
import { loadAllSamples, useKeptDraft, useLabellerKeys } from './labeller-hooks';

/** Most images loaded into one labelling session. */
const MAX_IMAGES = 20_000;

/**
 * Drawing boxes on a detection dataset's images: drag on the image to draw a box of the chosen
 * class, click one to select it, drag it or its handles to move or resize it, Delete or Backspace
 * removes it. Class keys as in the class labeller (1–9, 0, then letters; a class named by one key
 * gets that key); arrows move between images. Unsaved work is kept as a draft in this browser and
 * leaving the page asks first; saving makes a new version.
 */
export function BoxLabelingView({
  datasetId,
  number,
  classes,
  runs,
}: {
  datasetId: string;
  number: number;
  classes: string[];
  /** Finished runs on this dataset whose detectors can propose boxes. */
  runs: { id: string; title: string }[];
}) {
  const router = useRouter();
  const [state, dispatch] = useReducer(boxLabelingStep, startBoxLabeling([], {}, classes));
  const [names, setNames] = useState<Record<number, string | null>>({});
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const keys = useMemo(() => classKeys(state.classes), [state.classes]);

  useEffect(() => {
    let live = true;
    void loadAllSamples(datasetId, number, 'all', MAX_IMAGES).then((loadedSamples) => {
      if (!live) return;
      if (!loadedSamples.ok) return setError(loadedSamples.message);
      const stored: Record<number, Box[]> = {};
      const named: Record<number, string | null> = {};
      for (const s of loadedSamples.samples) {
        named[s.index] = s.name;
        if (s.boxes) stored[s.index] = s.boxes;
      }
      // Images without boxes first: they are the work to do.
      const queue = loadedSamples.samples.map((s) => s.index).sort((a, b) => Number(a in stored) - Number(b in stored) || a - b);
      dispatch({ type: 'load', queue, stored, classes });
      const draft = readDraft(datasetId, number);
      if (draft) {
        dispatch({ type: 'restore', draft });
        setRestored(Object.keys(draft.boxes).length);
      }
      setNames(named);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [datasetId, number, classes]);

  useKeptDraft(
    loaded && !saved.current,
    state,
    (s) => (hasUnsaved(s) ? draftOf(s) : null),
    (draft) => writeDraft(datasetId, number, draft),
  );
  useLabellerKeys(loaded, (event) => boxActionForKey(event, keys), dispatch);

  const problems = useMemo(() => boxProblems(state, (i) => names[i] ?? null), [state, names]);
  const changed = Object.keys(state.changed).length;

  async function save() {
    if (problems.length > 0) return setError(problems.map((p) => p.message).join(' '));
    setSaving(true);
    setError(null);
    const payload = savePayload(state);
    const result = await call(datasetRoutes.createDatasetVersion, {
      params: { datasetId },
      body: { parent: number, ...payload, message: `Boxes drawn on ${payload.boxes.length} image${payload.boxes.length === 1 ? '' : 's'}` },
    });
    setSaving(false);
    if (!result.ok) return setError(result.message);
    saved.current = true;
    writeDraft(datasetId, number, null);
    router.push(`/datasets/${datasetId}?version=${result.data.number}`);
    router.refresh();
  }

  function discardDraft() {
    writeDraft(datasetId, number, null);
    window.location.reload();
  }

  if (!loaded) return error ? <ErrorNote message={error} /> : <p className="muted">Loading the images…</p>;
  if (state.queue.length === 0) return <p className="alert">This version has no images.</p>;
  const index = currentIndex(state) as number;
  const boxes = currentBoxes(state);
  const labelled = labelledCount(state);

  return (
    <div className="stack" data-hydrated="true">
      <ErrorNote message={error} />
      {restored > 0 ? (
        <p className="alert">
          Restored unsaved boxes of {restored} image{restored === 1 ? '' : 's'} from this browser.{' '}
          <button type="button" onClick={discardDraft}>
            Discard them
          </button>
        </p>
      ) : null}
      <div className="box-stage">
        <section className="panel box-image-panel" aria-label="Image to label">
          <progress className="ds-progress" aria-label="Labelling progress" max={state.queue.length} value={labelled} />
          <p className="small muted" aria-live="polite" data-testid="box-progress">
            {labelled} of {state.queue.length} images labelled · image {state.position + 1} of {state.queue.length}
            {changed > 0 ? ` · ${changed} changed, not saved yet` : ''}
          </p>
          <BoxCanvas
            src={sampleImageUrl(datasetId, number, index)}
            alt={`Sample ${index}${names[index] ? ` (${names[index]})` : ''}`}
            boxes={boxes}
            selected={state.selected}
            activeClass={state.activeClass}
            drawingEnabled={state.classes.length > 0}
            onDraw={(id, rect) => dispatch({ type: 'draw', id, rect })}
            onMove={(id, rect) => dispatch({ type: 'move', id, rect })}
            onSelect={(id) => dispatch({ type: 'select', id })}
            onRemove={(id) => dispatch({ type: 'remove', id })}
          />
          <p className="small muted" data-testid="image-name">
            {names[index] ?? `Sample ${index}`} · {boxes.length} box{boxes.length === 1 ? '' : 'es'}
          </p>
          {state.notice ? (
            <p className="small" role="status">
              {state.notice}
            </p>
          ) : null}
        </section>
        <section className="panel stack" aria-label="Classes and boxes">
          <ClassPicker
            classes={state.classes}
            active={state.activeClass}
            keys={keys}
            colour={boxColour}
            placeholder="e.g. raccoon"
            onPick={(cls) => dispatch({ type: 'pickClass', cls })}
            onAdd={(name) => dispatch({ type: 'addClass', name })}
          />
          {state.classes.length === 0 ? <p className="small">Add the first class, then drag on the image to draw a box.</p> : null}
          <ol className="box-list" aria-label="Boxes on this image">
            {boxes.map((b, k) => (
              <li key={b.id}>
                <button type="button" aria-pressed={state.selected === b.id} onClick={() => dispatch({ type: 'select', id: b.id })}>
                  <span className="box-swatch" style={{ background: boxColour(b.classIndex) }} />
                  Box {k + 1}: {state.classes[b.classIndex] ?? `class ${b.classIndex}`}
                </button>
              </li>
            ))}
          </ol>
          <p className="small muted">
            Drag on the image to draw; click a box to select it, drag it or its corners to move or resize it. <span className="kbd">1</span>
            –<span className="kbd">9</span> pick the class (and give it to the selected box); <span className="kbd">Delete</span> removes
            the selected box; <span className="kbd">←</span> <span className="kbd">→</span> move between images.
          </p>
          <div className="row">
            <button type="button" onClick={() => dispatch({ type: 'previous' })} disabled={state.position === 0}>
              ← Previous
            </button>
            <button type="button" onClick={() => dispatch({ type: 'next' })} disabled={state.position >= state.queue.length - 1}>
              Next →
            </button>
            <button type="button" onClick={() => dispatch({ type: 'copyPrevious' })} disabled={state.position === 0}>
              Copy boxes from the previous image
            </button>
            <button type="button" onClick={() => dispatch({ type: 'remove' })} disabled={state.selected === null}>
              Delete box
            </button>
          </div>
          <div className="row">
            <span className="spacer" />
            <button type="button" className="primary" onClick={() => void save()} disabled={saving || !hasUnsaved(state)}>
              Save boxes of {changed} image{changed === 1 ? '' : 's'} as a new version
            </button>
          </div>
          <BoxProposals
            runs={runs}
            open={state.queue
              .filter((i) => (state.boxes[i]?.length ?? 0) === 0)
              .map((index) => ({ index, url: sampleImageUrl(datasetId, number, index) }))}
            noun="images"
            note="Proposed boxes become ordinary boxes: check, move or delete them, then save."
            classCount={state.classes.length}
            onProposed={(found) => dispatch({ type: 'propose', boxes: found })}
            onError={setError}
          />
        </section>
      </div>
    </div>
  );
}
