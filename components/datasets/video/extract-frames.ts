import {
  GREY_HEIGHT,
  GREY_WIDTH,
  greyDifference,
  greyOf,
  MAX_FRAMES,
  type SamplingChoice,
  sampleTimes,
  samplingProblem,
} from './frame-sampling';

/** One sampled frame, kept in memory: its time in the video, its JPEG and an object URL of it. */
export interface SampledFrame {
  time: number;
  blob: Blob;
  url: string;
  width: number;
  height: number;
}

/** A video file the browser decoded, ready to be sampled; `close` lets its memory go. */
export interface OpenedVideo {
  video: HTMLVideoElement;
  duration: number;
  width: number;
  height: number;
  close(): void;
}

/** Frames are kept at most this many pixels on their longer side: enough to label, small in memory. */
export const MAX_FRAME_SIDE = 640;

/** How long one seek may take before the video counts as unreadable, in milliseconds. */
const SEEK_TIMEOUT = 15_000;

/**
 * Opens a video file in a detached `<video>`: its length and picture size, or an error saying the
 * browser cannot decode it. Recordings whose file does not state a length (some WebM from screen
 * recorders) are sought to their end once, which makes the browser find it.
 */
export async function openVideo(file: File): Promise<OpenedVideo> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  const url = URL.createObjectURL(file);
  const close = () => {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  };
  try {
    const loaded = once(video, 'loadeddata', SEEK_TIMEOUT);
    video.src = url;
    await loaded;
    if (video.duration === Number.POSITIVE_INFINITY) {
      const found = once(video, 'durationchange', SEEK_TIMEOUT);
      video.currentTime = 1e7;
      await found;
    }
    if (!video.videoWidth || !video.videoHeight) throw new Error('it has no picture');
    return { video, duration: video.duration, width: video.videoWidth, height: video.videoHeight, close };
  } catch (error) {
    close();
    const why = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new Error(`This browser cannot play "${file.name}"${why}: choose a WebM or MP4 video.`);
  }
}

/**
 * Samples an opened video as chosen: seeks to each moment, waits for the picture, draws it on a
 * canvas at most MAX_FRAME_SIDE wide or high and keeps it as a JPEG. At scene changes, every moment
 * looked at is also drawn small and grey, and a frame is kept when it differs from the one looked
 * at before by more than the threshold (the first frame always is); sampling stops at MAX_FRAMES.
 */
export async function extractFrames(
  opened: OpenedVideo,
  choice: SamplingChoice,
  onProgress: (looked: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ frames: SampledFrame[]; capped: boolean }> {
  const problem = samplingProblem(opened.duration, choice);
  if (problem) throw new Error(problem);
  const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(opened.width, opened.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(opened.width * scale));
  canvas.height = Math.max(1, Math.round(opened.height * scale));
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  const small = document.createElement('canvas');
  small.width = GREY_WIDTH;
  small.height = GREY_HEIGHT;
  const smallContext = small.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  const times = sampleTimes(opened.duration, choice);
  const frames: SampledFrame[] = [];
  let previous: Uint8Array | null = null;
  let capped = false;
  try {
    for (const [k, time] of times.entries()) {
      if (signal?.aborted) throw new Error('Sampling was stopped.');
      await seek(opened.video, time);
      let keep = true;
      if (choice.mode === 'scenes') {
        smallContext.drawImage(opened.video, 0, 0, GREY_WIDTH, GREY_HEIGHT);
        const grey = greyOf(smallContext.getImageData(0, 0, GREY_WIDTH, GREY_HEIGHT).data);
        keep = previous === null || greyDifference(previous, grey) > choice.threshold;
        previous = grey;
      }
      if (keep) {
        if (frames.length >= MAX_FRAMES) {
          capped = true;
          break;
        }
        context.drawImage(opened.video, 0, 0, canvas.width, canvas.height);
        const blob = await jpegOf(canvas);
        frames.push({ time, blob, url: URL.createObjectURL(blob), width: canvas.width, height: canvas.height });
      }
      onProgress(k + 1, times.length);
    }
  } catch (error) {
    for (const frame of frames) URL.revokeObjectURL(frame.url);
    throw error;
  }
  return { frames, capped };
}

async function seek(video: HTMLVideoElement, time: number): Promise<void> {
  const sought = once(video, 'seeked', SEEK_TIMEOUT);
  video.currentTime = time;
  try {
    await sought;
  } catch {
    throw new Error(`The video could not be read at ${time.toFixed(2)} s.`);
  }
}

function jpegOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The frame could not be encoded.'))), 'image/jpeg', 0.92),
  );
}

/** Resolves on the element's next `event`, rejects on an error event or after `timeout` milliseconds. */
function once(video: HTMLVideoElement, event: string, timeout: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (ok: boolean, why?: string) => {
      clearTimeout(timer);
      video.removeEventListener(event, onEvent);
      video.removeEventListener('error', onError);
      if (ok) resolve();
      else reject(new Error(why));
    };
    const onEvent = () => done(true);
    // The browser's own words ("PIPELINE_ERROR_DEMUXER…") would tell the user nothing more.
    const onError = () => done(false, 'it could not be decoded');
    const timer = setTimeout(() => done(false, 'it took too long to read'), timeout);
    video.addEventListener(event, onEvent);
    video.addEventListener('error', onError);
  });
}
