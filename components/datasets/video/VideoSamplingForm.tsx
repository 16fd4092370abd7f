'use client';

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import { extractFrames, type OpenedVideo, openVideo, type SampledFrame } from './extract-frames';
import { formatSeconds, MAX_DURATION, MAX_FRAMES, type SamplingChoice, sampleTimes, samplingProblem } from './frame-sampling';

/** What the sampling step hands on: the frames, and the dataset they are to become. */
export interface SampledVideo {
  frames: SampledFrame[];
  fileName: string;
  name: string;
  teamId: string;
  /** Set when scene-change sampling stopped at the frame cap. */
  capped: boolean;
}

type Mode = SamplingChoice['mode'];

/**
 * The video page's first step: pick a video the browser can play, name the dataset, choose how
 * frames are sampled (every so many seconds, so many per second, or at scene changes with a
 * threshold), then sample with a progress bar. A video too long, or a sampling giving too many
 * frames, is refused before anything is drawn.
 */
export function VideoSamplingForm({
  teams,
  onSampled,
  hidden = false,
}: {
  teams: { id: string; name: string }[];
  onSampled(video: SampledVideo): void;
  /** Hidden while its frames are labelled; kept, with the video open, for sampling again. */
  hidden?: boolean;
}) {
  const hydrated = useHydrated();
  const [opened, setOpened] = useState<OpenedVideo | null>(null);
  const [fileName, setFileName] = useState('');
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [mode, setMode] = useState<Mode>('every');
  const [seconds, setSeconds] = useState(1);
  const [perSecond, setPerSecond] = useState(2);
  const [threshold, setThreshold] = useState(0.1);
  const [progress, setProgress] = useState<{ looked: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<OpenedVideo | null>(null);

  useEffect(() => () => current.current?.close(), []);

  async function choose(file: File | null) {
    current.current?.close();
    current.current = null;
    setOpened(null);
    setError(null);
    if (!file) return;
    setFileName(file.name);
    if (!name) setName(file.name.replace(/\.[^.]+$/, ''));
    try {
      const video = await openVideo(file);
      current.current = video;
      setOpened(video);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const choice: SamplingChoice =
    mode === 'every' ? { mode, seconds } : mode === 'rate' ? { mode, perSecond } : { mode: 'scenes', threshold };
  const problem = opened ? samplingProblem(opened.duration, choice) : null;
  const count = opened && !problem ? sampleTimes(opened.duration, choice).length : 0;

  async function sample(event: FormEvent) {
    event.preventDefault();
    if (!opened) return setError('Choose a video first.');
    if (problem) return setError(problem);
    setError(null);
    setProgress({ looked: 0, total: count });
    try {
      const { frames, capped } = await extractFrames(opened, choice, (looked, total) => setProgress({ looked, total }));
      onSampled({ frames, fileName, name: name.trim() || fileName, teamId, capped });
    } catch (e) {
      setError((e as Error).message);
    }
    setProgress(null);
  }

  return (
    <form
      className="panel stack video-form"
      onSubmit={sample}
      aria-label="Sample a video"
      data-hydrated={hydrated ? 'true' : 'false'}
      hidden={hidden}
    >
      <div className="row">
        <label>
          Video (WebM or MP4)
          <input type="file" accept="video/webm,video/mp4,video/*" onChange={(e) => void choose(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Team
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label style={{ flex: 1 }}>
          Dataset name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} placeholder="e.g. Cars at the crossing" />
        </label>
      </div>
      {opened ? (
        <p className="small muted" data-testid="video-facts">
          {fileName}: {formatSeconds(opened.duration)}, {opened.width}×{opened.height} pixels.
        </p>
      ) : null}
      <fieldset className="row video-sampling">
        <legend>Sample frames</legend>
        <label>
          How
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="every">Every N seconds</option>
            <option value="rate">N frames per second</option>
            <option value="scenes">At scene changes</option>
          </select>
        </label>
        {mode === 'every' ? (
          <label>
            Seconds between frames
            <input type="number" min={0.1} max={60} step={0.1} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
          </label>
        ) : null}
        {mode === 'rate' ? (
          <label>
            Frames per second
            <input type="number" min={0.1} max={30} step={0.1} value={perSecond} onChange={(e) => setPerSecond(Number(e.target.value))} />
          </label>
        ) : null}
        {mode === 'scenes' ? (
          <label>
            Scene change threshold: {Math.round(threshold * 100)} %
            <input type="range" min={0.01} max={0.5} step={0.01} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />
          </label>
        ) : null}
      </fieldset>
      <p className="small muted">
        {mode === 'scenes'
          ? `A frame is kept where the picture changes by more than the threshold from a fifth of a second before (lower finds more scenes); at most ${MAX_FRAMES} frames.`
          : `Videos up to ${MAX_DURATION / 60} minutes, at most ${MAX_FRAMES} frames.`}
        {opened && !problem ? (mode === 'scenes' ? ` ${count} moments will be looked at.` : ` This gives ${count} frames.`) : ''}
      </p>
      {progress ? <progress className="ds-progress" aria-label="Sampling progress" max={progress.total} value={progress.looked} /> : null}
      <ErrorNote message={error ?? problem} />
      <div className="row">
        <button type="submit" className="primary" disabled={!hydrated || !opened || problem !== null || progress !== null}>
          {progress ? `Sampling… ${progress.looked} of ${progress.total}` : 'Sample frames'}
        </button>
      </div>
    </form>
  );
}
