'use client';

import { useEffect, useRef } from 'react';

/**
 * The sampled frames in a row, the current one outlined: a diamond marks a track's keyframe, the
 * number the boxes on the frame (interpolated ones included). Clicking a frame shows it.
 */
export function Filmstrip({
  frames,
  marks,
  position,
  onPick,
}: {
  frames: readonly { url: string; time: number }[];
  marks: readonly { key: boolean; boxes: number }[];
  position: number;
  onPick(position: number): void;
}) {
  const strip = useRef<HTMLOListElement>(null);

  // Keep the current frame in view as the arrows move through a long strip.
  useEffect(() => {
    strip.current?.children[position]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [position]);

  return (
    <ol className="filmstrip" ref={strip} aria-label="Frames">
      {frames.map((frame, p) => {
        const mark = marks[p] ?? { key: false, boxes: 0 };
        const label = `Frame ${p + 1} at ${frame.time.toFixed(2)} s${mark.key ? ', keyframe' : ''}, ${mark.boxes} box${mark.boxes === 1 ? '' : 'es'}`;
        return (
          <li key={frame.url}>
            <button
              type="button"
              aria-label={label}
              aria-current={p === position ? 'true' : undefined}
              data-boxes={mark.boxes}
              data-key={mark.key ? 'true' : 'false'}
              onClick={() => onPick(p)}
            >
              {/* biome-ignore lint/performance/noImgElement: a frame's blob URL in this browser's memory, never optimised by a server */}
              <img src={frame.url} alt="" draggable={false} />
              <span className="filmstrip-marks">
                <span className="muted">{p + 1}</span>
                {mark.boxes > 0 ? <span>{mark.boxes === 1 ? '1 box' : `${mark.boxes} boxes`}</span> : null}
                {mark.key ? <span title="Keyframe">◆</span> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
