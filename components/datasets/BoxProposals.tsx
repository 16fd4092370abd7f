'use client';

import { useState } from 'react';
import type { Box } from '@/engine/tasks/detection-boxes';
import { proposeBoxes } from './box-prelabel';
import { ProposalRunField } from './ProposalRunField';

/**
 * "Propose boxes with a trained detector", for the box labeller's images and the video labeller's
 * frames alike: pick a finished detection run (or paste a run id) and the lowest score; the run's
 * model looks at every picture without boxes and hands back what it found, which the labeller gives
 * to them as ordinary boxes (the video labeller links them into tracks).
 */
export function BoxProposals({
  runs,
  open,
  noun,
  stretch = false,
  note,
  classCount,
  onProposed,
  onError,
}: {
  runs: { id: string; title: string }[];
  /** The pictures without boxes: their indexes, URLs and, where at hand, their bytes. */
  open: { index: number; url: string; blob?: Blob }[];
  /** What the pictures are called: images of a dataset, frames of a video. */
  noun: 'images' | 'frames';
  /** Stretch each picture to the model's input (frames not yet stored at the dataset's size). */
  stretch?: boolean;
  note: string;
  classCount: number;
  onProposed: (boxes: Record<number, Box[]>) => void;
  onError: (message: string | null) => void;
}) {
  const [runId, setRunId] = useState(runs[0]?.id ?? '');
  const [minScore, setMinScore] = useState(0.3);
  const [progress, setProgress] = useState<string | null>(null);

  async function propose() {
    onError(null);
    setProgress('Loading the model…');
    try {
      const found = await proposeBoxes(
        runId.trim(),
        open,
        classCount,
        minScore,
        (n) => setProgress(`Looked at ${n} of ${open.length} ${noun}`),
        stretch,
      );
      onProposed(found);
    } catch (e) {
      onError(`Proposing boxes failed: ${(e as Error).message}`);
    }
    setProgress(null);
  }

  return (
    <details>
      <summary>Propose boxes with a trained detector</summary>
      <div className="row" style={{ marginTop: '0.5rem' }}>
        <ProposalRunField runs={runs} runId={runId} onRunId={setRunId} placeholder="a finished detection run" />
        <label>
          Lowest score
          <input
            type="number"
            min={0.05}
            max={0.95}
            step={0.05}
            value={minScore}
            onChange={(e) => setMinScore(Math.min(0.95, Math.max(0.05, Number(e.target.value) || 0.3)))}
          />
        </label>
        <button
          type="button"
          onClick={() => void propose()}
          disabled={!runId.trim() || progress !== null || classCount === 0 || open.length === 0}
        >
          Propose boxes for {noun} without any
        </button>
      </div>
      {progress ? <p className="small muted">{progress}</p> : null}
      <p className="small muted">{note}</p>
    </details>
  );
}
