import type { SplitCounts } from '@/engine/data/meta';

/**
 * A version's samples in words, counting the labelled ones as such: `40 labelled samples, 6 unlabelled`,
 * or `40 samples` when every sample has a label. (A version's stored sample count includes the
 * samples waiting for a label, which nothing trains on.)
 */
export function sampleCountWords(counts: SplitCounts): string {
  const labelled = counts.train + counts.validation + counts.test;
  const n = labelled.toLocaleString('en');
  if (counts.unlabelled === 0) return `${n} sample${labelled === 1 ? '' : 's'}`;
  return `${n} labelled sample${labelled === 1 ? '' : 's'}, ${counts.unlabelled.toLocaleString('en')} unlabelled`;
}
