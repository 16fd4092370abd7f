'use client';

import { useState } from 'react';
import type { Box } from '@/engine/tasks/detection-boxes';
import { proposeBoxes } from './box-prelabel';
import { sampleImageUrl } from './dataset-endpoints';
import { ProposalRunField } from './ProposalRunField';

/**
 * The box labeller's "Propose boxes with a trained detector": pick a finished detection run on this
 * dataset (or paste a run id) and the lowest score; the run's model looks at every image without
 * boxes and hands back what it found, which the labeller gives to those images as ordinary boxes.
 */
export function BoxProposals({
  datasetId,
  number,
  runs,
  open,
  classCount,
  onProposed,
  onError,
}: {
  datasetId: string;
  number: number;
  runs: { id: string; title: string }[];
  /** Sample indexes of the images without boxes. */
  open: number[];
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
        open.map((index) => ({ index, url: sampleImageUrl(datasetId, number, index) })),
        classCount,
        minScore,
        (n) => setProgress(`Looked at ${n} of ${open.length} images`),
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
          Propose boxes for images without any
        </button>
      </div>
      {progress ? <p className="small muted">{progress}</p> : null}
      <p className="small muted">Proposed boxes become ordinary boxes: check, move or delete them, then save.</p>
    </details>
  );
}
