'use client';

import { useEffect, useMemo, useReducer, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { BoxProposals } from '../BoxProposals';
import { useLeaveWarning } from '../labeller-hooks';
import { FrameLabeller } from './FrameLabeller';
import { SaveVideoDataset } from './SaveVideoDataset';
import { boxesByFrame, startTracks, trackStep } from './track-state';
import { type SampledVideo, VideoSamplingForm } from './VideoSamplingForm';

/**
 * Label a short video: sample its frames, label them with tracks of boxes, save them as a detection
 * dataset. The frames live only in this page's memory (their object URLs are let go when the page
 * is left or the video is sampled again), so leaving with boxes not yet saved asks first.
 */
export function VideoLabeller({ teams, runs }: { teams: { id: string; name: string }[]; runs: { id: string; title: string }[] }) {
  const [video, setVideo] = useState<SampledVideo | null>(null);
  const [state, dispatch] = useReducer(trackStep, startTracks([], []));
  const [error, setError] = useState<string | null>(null);
  const boxes = useMemo(() => boxesByFrame(state), [state]);

  useEffect(() => {
    if (!video) return;
    return () => {
      for (const frame of video.frames) URL.revokeObjectURL(frame.url);
    };
  }, [video]);

  const unsaved = state.tracks.length > 0;
  useLeaveWarning(unsaved);

  function sampled(next: SampledVideo) {
    setVideo(next);
    dispatch({ type: 'load', times: next.frames.map((f) => f.time), classes: state.classes });
  }

  function sampleAgain() {
    if (unsaved && !window.confirm('Sampling again drops the boxes drawn on these frames. Sample again?')) return;
    setVideo(null);
    dispatch({ type: 'load', times: [], classes: state.classes });
  }

  // The form stays mounted (in the same place) while frames are labelled, so that sampling again
  // keeps the video and the settings.
  return (
    <div className="stack" data-hydrated="true">
      <VideoSamplingForm teams={teams} onSampled={sampled} hidden={video !== null} />
      {video && video.frames.length === 0 ? (
        <section className="panel stack">
          <p className="alert">No frame was kept: lower the threshold or sample more often.</p>
          <div className="row">
            <button type="button" onClick={sampleAgain}>
              Sample again
            </button>
          </div>
        </section>
      ) : null}
      {video && video.frames.length > 0 ? (
        <>
          <p className="small muted" data-testid="sampled-facts">
            {video.frames.length} frames sampled from {video.fileName}
            {video.capped
              ? `: sampling stopped at ${video.frames.length} frames (raise the threshold to spread them over the whole video)`
              : ''}
            .{' '}
            <button type="button" onClick={sampleAgain}>
              Sample again
            </button>
          </p>
          <ErrorNote message={error} />
          <FrameLabeller frames={video.frames} state={state} dispatch={dispatch} />
          <BoxProposals
            runs={runs}
            open={video.frames.flatMap((f, p) => ((boxes[p]?.length ?? 0) === 0 ? [{ index: p, url: f.url, blob: f.blob }] : []))}
            noun="frames"
            stretch
            note="The model must find the same classes, in the same order, as this list. Its boxes on neighbouring frames become tracks: move or delete them like drawn ones."
            classCount={state.classes.length}
            onProposed={(found) => dispatch({ type: 'propose', boxes: found })}
            onError={setError}
          />
          <SaveVideoDataset video={video} boxes={boxes} classes={state.classes} />
        </>
      ) : null}
    </div>
  );
}
