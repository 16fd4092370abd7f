/**
 * Which moments of a video become frames to label, as data: every so many seconds, so many frames
 * per second, or at scene changes (a downscaled grey frame differing from the one looked at before
 * by more than a threshold). The limits keep a labelling session within what a browser holds.
 */
export type SamplingChoice =
  | { mode: 'every'; seconds: number }
  | { mode: 'rate'; perSecond: number }
  | { mode: 'scenes'; threshold: number };

/** Longest video accepted, in seconds. */
export const MAX_DURATION = 10 * 60;

/** Most frames one video gives. */
export const MAX_FRAMES = 300;

/** How often the scene-change sampling looks at the video, in seconds (more often for short videos is not needed). */
export const SCAN_STEP = 0.2;

/** Most moments the scene-change sampling looks at, so that a long video is scanned in bounded time. */
export const MAX_SCANS = 3000;

/** Side of the grey thumbnails compared for scene changes, in pixels. */
export const GREY_WIDTH = 32;
export const GREY_HEIGHT = 18;

/** Why a video cannot be sampled as asked, or null when it can. */
export function samplingProblem(duration: number, choice: SamplingChoice): string | null {
  if (!Number.isFinite(duration) || duration <= 0) return 'This video does not say how long it is, so its frames cannot be sampled.';
  if (duration > MAX_DURATION)
    return `This video is ${formatSeconds(duration)} long; videos of at most ${MAX_DURATION / 60} minutes can be labelled.`;
  if (choice.mode === 'scenes') return choice.threshold > 0 && choice.threshold < 1 ? null : 'The threshold must be between 0 and 1.';
  const step = stepOf(choice);
  if (!(step > 0)) return 'Sample at least one frame every so often: the number must be above 0.';
  const count = sampleTimes(duration, choice).length;
  if (count > MAX_FRAMES) return `This sampling gives ${count} frames; at most ${MAX_FRAMES} can be labelled: sample less often.`;
  return null;
}

/**
 * The moments sampled every `step` seconds from the start, before the end (a seek to the very end
 * may give no picture). The scene-change choice gives the moments looked at, not those kept.
 *
 * @example
 * sampleTimes(2, { mode: 'rate', perSecond: 2 }); // [0, 0.5, 1, 1.5]
 */
export function sampleTimes(duration: number, choice: SamplingChoice): number[] {
  const step = choice.mode === 'scenes' ? Math.max(SCAN_STEP, duration / MAX_SCANS) : stepOf(choice);
  if (!(step > 0) || !Number.isFinite(duration)) return [];
  const times: number[] = [];
  // Multiplying rather than adding keeps 0.1-second steps from drifting.
  for (let k = 0; k * step < duration - 1e-3; k++) times.push(Math.round(k * step * 1000) / 1000);
  return times;
}

function stepOf(choice: Exclude<SamplingChoice, { mode: 'scenes' }>): number {
  return choice.mode === 'every' ? choice.seconds : 1 / choice.perSecond;
}

/** A frame's pixels (RGBA, as a canvas gives them) as grey values 0–255, weighted as the eye sees. */
export function greyOf(rgba: Uint8ClampedArray): Uint8Array {
  const grey = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < grey.length; i++)
    grey[i] = Math.round(0.299 * (rgba[4 * i] as number) + 0.587 * (rgba[4 * i + 1] as number) + 0.114 * (rgba[4 * i + 2] as number));
  return grey;
}

/** The mean absolute difference of two grey frames of one size, from 0 (same) to 1 (black to white). */
export function greyDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return 1;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / (255 * a.length);
}

/** "1 min 5 s", "12.5 s". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
