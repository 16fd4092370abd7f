'use client';

import { type Dispatch, useMemo, useRef } from 'react';
import { boxColour } from '@/components/training/DetectionImage';
import { BoxCanvas } from '../BoxCanvas';
import { ClassPicker } from '../ClassPicker';
import { classKeys } from '../labeling-state';
import { useLabellerKeys } from '../labeller-hooks';
import type { SampledFrame } from './extract-frames';
import { Filmstrip } from './Filmstrip';
import { TrackList } from './TrackList';
import { frameBoxes, frameMarks, type TrackAction, type TrackLabelingState, trackActionForKey } from './track-state';

/**
 * The frame labeller: the frame shown large with its boxes on the box labeller's drawing surface,
 * the filmstrip below, classes with their keys and the tracks beside. Drawing starts a track (or
 * places the selected one, when it is not on this frame); moving a box makes this frame one of its
 * track's keyframes; interpolated boxes are drawn faint and say so in the list.
 */
export function FrameLabeller({
  frames,
  state,
  dispatch,
}: {
  frames: readonly SampledFrame[];
  state: TrackLabelingState;
  dispatch: Dispatch<TrackAction>;
}) {
  // A box drawn to place the selected track is a stand-in: the surface selects it, then drops it
  // for the track's own box. Neither is the user letting go of the track.
  const standIn = useRef<string | null>(null);
  const keys = useMemo(() => classKeys(state.classes), [state.classes]);
  const here = useMemo(() => frameBoxes(state), [state]);
  const marks = useMemo(() => frameMarks(state), [state]);
  const frame = frames[state.position];
  const selectedHere = here.some((b) => b.id === state.selected);
  const selectedIndex = state.tracks.findIndex((t) => t.id === state.selected);

  useLabellerKeys(true, (event) => trackActionForKey(event, keys), dispatch);

  if (!frame) return null;
  const interpolated = here.filter((b) => b.kind === 'interpolated');
  return (
    <div className="stack">
      <div className="box-stage video-stage">
        <section className="panel box-image-panel" aria-label="Frame to label">
          <p className="small muted" aria-live="polite" data-testid="frame-progress">
            Frame {state.position + 1} of {frames.length} · {frame.time.toFixed(2)} s · {here.length} box{here.length === 1 ? '' : 'es'}
            {interpolated.length > 0 ? ` (${interpolated.length} interpolated)` : ''}
          </p>
          <BoxCanvas
            src={frame.url}
            alt={`Frame ${state.position + 1} at ${frame.time.toFixed(2)} s`}
            boxes={here}
            faint={interpolated.map((b) => b.id)}
            selected={selectedHere ? state.selected : null}
            activeClass={state.activeClass}
            drawingEnabled={state.classes.length > 0}
            onDraw={(id, rect) => {
              standIn.current = selectedIndex >= 0 && !selectedHere ? id : null;
              dispatch({ type: 'draw', id, rect });
            }}
            onMove={(id, rect) => dispatch({ type: 'move', id, rect })}
            // The surface lets go of its selection when the selected track is not on the new frame: the
            // track stays selected, to be placed here.
            onSelect={(id) => {
              if (standIn.current !== null && (id === null || id === standIn.current)) {
                if (id === null) standIn.current = null;
                return;
              }
              if (id !== null || selectedHere) dispatch({ type: 'select', id });
            }}
            onRemove={(id) => dispatch({ type: 'remove', id })}
          />
          <div className="row">
            <button type="button" onClick={() => dispatch({ type: 'previous' })} disabled={state.position === 0}>
              ← Previous frame
            </button>
            <button type="button" onClick={() => dispatch({ type: 'next' })} disabled={state.position >= frames.length - 1}>
              Next frame →
            </button>
          </div>
          {state.notice ? (
            <p className="small" role="status">
              {state.notice}
            </p>
          ) : null}
        </section>
        <section className="panel stack" aria-label="Classes and tracks">
          <ClassPicker
            classes={state.classes}
            active={state.activeClass}
            keys={keys}
            colour={boxColour}
            placeholder="e.g. car"
            onPick={(cls) => dispatch({ type: 'pickClass', cls })}
            onAdd={(name) => dispatch({ type: 'addClass', name })}
          />
          <TrackList
            tracks={state.tracks}
            here={here}
            classes={state.classes}
            selected={state.selected}
            onSelect={(id) => dispatch({ type: 'select', id })}
          />
          <div className="row">
            <button type="button" onClick={() => dispatch({ type: 'placeHere' })} disabled={selectedIndex < 0 || selectedHere}>
              Place the track here
            </button>
            <button type="button" onClick={() => dispatch({ type: 'endHere' })} disabled={!selectedHere}>
              End the track here
            </button>
            <button type="button" onClick={() => dispatch({ type: 'remove' })} disabled={!selectedHere}>
              Delete this box
            </button>
            <button type="button" onClick={() => dispatch({ type: 'deleteTrack' })} disabled={selectedIndex < 0}>
              Delete the track
            </button>
          </div>
          <p className="small muted">
            {selectedIndex >= 0 && !selectedHere
              ? `Drawing on this frame places track ${selectedIndex + 1} here (Escape starts a new track instead). `
              : 'Drag on the frame to start a track. '}
            Boxes between two keyframes of a track are interpolated (drawn faint); moving one makes a keyframe. A track ends at its last
            keyframe: select it and place it on a later frame to extend it. Deleting an interpolated box ends the track before it.{' '}
            <span className="kbd">1</span>–<span className="kbd">9</span> pick the class, <span className="kbd">←</span>{' '}
            <span className="kbd">→</span> move between frames.
          </p>
        </section>
      </div>
      <Filmstrip frames={frames} marks={marks} position={state.position} onPick={(position) => dispatch({ type: 'goTo', position })} />
    </div>
  );
}
