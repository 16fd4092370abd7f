'use client';

import { boxColour } from '@/components/training/DetectionImage';
import { keyPositions, type Track } from './track-interpolation';
import type { FrameBox } from './track-state';

/**
 * Every track, with where it runs (first to last keyframe) and its box on the frame shown: placed
 * there (a keyframe), interpolated, or absent. The box's place is also in data attributes, in
 * fractions of the frame, for tests and for anyone reading the page's markup.
 */
export function TrackList({
  tracks,
  here,
  classes,
  selected,
  onSelect,
}: {
  tracks: readonly Track[];
  here: readonly FrameBox[];
  classes: readonly string[];
  selected: string | null;
  onSelect(id: string | null): void;
}) {
  if (tracks.length === 0) return <p className="small muted">No tracks yet: drag on the frame to draw the first box.</p>;
  return (
    <ol className="box-list track-list" aria-label="Tracks">
      {tracks.map((track, k) => {
        const box = here.find((b) => b.id === track.id);
        const keys = keyPositions(track);
        const span =
          keys.length === 1 ? `frame ${(keys[0] as number) + 1}` : `frames ${(keys[0] as number) + 1}–${(keys.at(-1) as number) + 1}`;
        const status = box ? (box.kind === 'key' ? 'keyframe' : 'interpolated') : 'not on this frame';
        return (
          <li
            key={track.id}
            data-track={track.id}
            data-kind={box?.kind ?? 'absent'}
            data-rect={box ? [box.x, box.y, box.width, box.height].map((v) => v.toFixed(4)).join(',') : undefined}
          >
            <button type="button" aria-pressed={selected === track.id} onClick={() => onSelect(selected === track.id ? null : track.id)}>
              <span className="box-swatch" style={{ background: boxColour(track.classIndex) }} />
              <span>
                Track {k + 1}: {classes[track.classIndex] ?? `class ${track.classIndex}`} · {span} · <em>{status}</em>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
