'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { Box } from '@/engine/tasks/detection-boxes';
import { uploadFile } from '../upload-request';
import { framesArchive } from './frames-archive';
import { type EmptyFrames, frameFileName, frameRanges } from './frames-coco';
import type { SampledVideo } from './VideoSamplingForm';

/**
 * "Save as a dataset": the frames and their boxes (keyframes' and interpolated) zipped in this
 * browser with a COCO annotation file and sent to the same upload the upload wizard uses, as a
 * detection dataset at the chosen size. A refused upload shows the server's words and keeps the
 * labelling on the page; a saved one opens the new dataset.
 */
export function SaveVideoDataset({ video, boxes, classes }: { video: SampledVideo; boxes: readonly Box[][]; classes: readonly string[] }) {
  const router = useRouter();
  const first = video.frames[0];
  const [name, setName] = useState(video.name);
  const [width, setWidth] = useState(128);
  const [height, setHeight] = useState(first ? Math.max(4, Math.min(512, Math.round((128 * first.height) / first.width))) : 128);
  const [channels, setChannels] = useState(3);
  const [empty, setEmpty] = useState<EmptyFrames>('unlabelled');
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const labelled = boxes.filter((b) => b.length > 0).length;
  const without = boxes.flatMap((b, p) => (b.length === 0 ? [p] : []));

  async function save() {
    if (labelled === 0) return setError('Draw at least one box before saving.');
    setError(null);
    setSent({ sent: 0, total: 1 });
    try {
      // On success the page moves to the new dataset: the button stays busy until it has.
      if (await send()) return;
    } catch (e) {
      setError(`The dataset was not saved: ${(e as Error).message} Your boxes are still here.`);
    }
    setSent(null);
  }

  /** Zips and uploads the frames; true when the dataset was made. */
  async function send(): Promise<boolean> {
    const frames = await Promise.all(
      video.frames.map(async (frame, p) => ({
        name: frameFileName(p, frame.time, 'jpg'),
        width: frame.width,
        height: frame.height,
        boxes: boxes[p] ?? [],
        bytes: new Uint8Array(await frame.blob.arrayBuffer()),
      })),
    );
    const zip = framesArchive(frames, classes, empty);
    const options = { width, height, channels, fit: 'fill', task: 'detection', classes, split: { validation: 0.15, test: 0.15, seed: 1 } };
    const query = {
      name: name.trim(),
      description: `Frames of the video ${video.fileName}, labelled in the video labeller.`,
      source: video.fileName,
      license: '',
      format: 'zip' as const,
      options: JSON.stringify(options),
    };
    const answer = await uploadFile(
      { params: { teamId: video.teamId }, query },
      new Blob([zip as BlobPart], { type: 'application/zip' }),
      (s, total) => setSent({ sent: s, total }),
    );
    if (!answer.ok) {
      const problems = answer.problems.slice(0, 5).map((p) => `${p.name}: ${p.reason}.`);
      setError([`The dataset was not saved: ${answer.message}`, ...problems, 'Your boxes are still here.'].join(' '));
      return false;
    }
    router.push(`/datasets/${answer.body.datasetId}`);
    return true;
  }

  return (
    <section className="panel stack" aria-label="Save as a dataset">
      <h2>Save as a dataset</h2>
      <div className="row">
        <label style={{ flex: 1 }}>
          Dataset name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <label>
          Width
          <input type="number" min={4} max={512} value={width} onChange={(e) => setWidth(Number(e.target.value))} />
        </label>
        <label>
          Height
          <input type="number" min={4} max={512} value={height} onChange={(e) => setHeight(Number(e.target.value))} />
        </label>
        <label>
          Colour
          <select value={channels} onChange={(e) => setChannels(Number(e.target.value))}>
            <option value={3}>RGB</option>
            <option value={1}>Grayscale</option>
          </select>
        </label>
      </div>
      <label>
        Frames without boxes ({without.length === 0 ? 'none' : `frame${without.length === 1 ? '' : 's'} ${frameRanges(without)}`})
        <select value={empty} onChange={(e) => setEmpty(e.target.value as EmptyFrames)}>
          <option value="unlabelled">Keep them unlabelled, to draw their boxes later</option>
          <option value="empty">Keep them as showing nothing to find</option>
          <option value="omit">Leave them out</option>
        </select>
      </label>
      <p className="small muted" data-testid="save-summary">
        {labelled} of {video.frames.length} frames have boxes. Every frame is stretched to {width}×{height} pixels, so the boxes stay on
        their objects.
      </p>
      {sent ? <progress className="ds-progress" aria-label="Upload progress" max={sent.total} value={sent.sent} /> : null}
      <ErrorNote message={error} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void save()} disabled={sent !== null || !name.trim()}>
          {sent ? 'Saving…' : 'Save as a dataset'}
        </button>
      </div>
    </section>
  );
}
