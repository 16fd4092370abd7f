'use client';

import { useState } from 'react';
import type { Box } from '@/engine/tasks/detection-boxes';
import { proposeBoxes } from '../box-prelabel';
import { ProposalRunField } from '../ProposalRunField';

/**
 * "Propose boxes with a trained detector" for video frames: the chosen run's model looks at every
 * frame without boxes (stretched to the model's input, as the dataset will be) and the labeller
 * links what it finds from frame to frame into tracks, to be corrected like drawn ones.
 */
export function VideoProposals({
  runs,
  open,
  classCount,
  onProposed,
  onError,
}: {
  runs: { id: string; title: string }[];
  /** The frames without boxes: their positions, object URLs and JPEGs. */
  open: { index: number; url: string; blob: Blob }[];
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
        (n) => setProgress(`Looked at ${n} of ${open.length} frames`),
        true,
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
          Propose boxes for frames without any
        </button>
      </div>
      {progress ? <p className="small muted">{progress}</p> : null}
      <p className="small muted">
        The model must find the same classes, in the same order, as this list. Its boxes on neighbouring frames become tracks: move or
        delete them like drawn ones.
      </p>
    </details>
  );
}
