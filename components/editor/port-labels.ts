import type { InputContract } from '@/engine/layers/spec';

const AXES: Record<number, string> = {
  2: '(batch, features)',
  3: '(batch, steps, features)',
  4: '(batch, height, width, channels)',
  5: '(batch, depth, height, width, channels)',
};

/**
 * Words for an input port's contract, shown when hovering it: which input it is and the tensors it
 * takes, e.g. "Input 1 · takes (batch, height, width, channels)".
 */
export function inputPortLabel(contract: InputContract | undefined, index: number, count: number): string {
  const which = count > 1 ? `Input ${index + 1}` : 'Input';
  if (!contract) return which;
  const { minRank, maxRank } = contract.portRanks?.[index] ?? contract;
  if (minRank !== undefined && minRank === maxRank) return `${which} · takes ${AXES[minRank] ?? `rank ${minRank}`}`;
  if (minRank !== undefined && maxRank !== undefined) return `${which} · takes rank ${minRank}–${maxRank} tensors`;
  if (minRank !== undefined) return `${which} · takes rank ${minRank}+ tensors`;
  if (maxRank !== undefined) return `${which} · takes rank ≤ ${maxRank} tensors`;
  return `${which} · takes any tensor`;
}

/** Where the i-th of n handles sits along the node's edge, in percent (the same numbers as `layerBox`). */
export { portOffset } from '@/engine/graph/layer-box';
