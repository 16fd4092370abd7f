/** What a run's name is made from. */
export interface NamedRun {
  name: string | null;
  label: string;
  designName: string;
  versionNumber: number;
  dataset: string;
  createdAt: string;
}

/** `builtin:digits` → "digits"; a stored dataset's label ("Flowers v3") is already words. */
export function datasetWords(dataset: string): string {
  return dataset.startsWith('builtin:') ? dataset.slice('builtin:'.length) : dataset;
}

/**
 * A run's name as people read it: the name they gave it, else its design, version, dataset and
 * when it started (plus what sets it apart in a sweep), never an internal id.
 *
 * @example
 * runName({ name: null, label: '', designName: 'LeNet', versionNumber: 2, dataset: 'builtin:digits', createdAt: '2026-12-03T12:40:00Z' });
 * // "LeNet v2 · digits · 3 Dec 12:40"
 */
export function runName(run: NamedRun): string {
  if (run.name) return run.name;
  const at = new Date(run.createdAt);
  const when = `${at.getDate()} ${at.toLocaleString('en', { month: 'short' })} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const made = `${run.designName} v${run.versionNumber} · ${datasetWords(run.dataset)} · ${when}`;
  return run.label ? `${made} · ${run.label}` : made;
}

/** What kind of run it is, in words: "Network", or "Features · SVM" for a classic classifier on a layer's activations. */
export function runKindWords(run: { kind: 'network' | 'features'; config: Record<string, unknown> }): string {
  if (run.kind !== 'features') return 'Network';
  const classifier = (run.config.features as { classifier?: { kind?: string } } | undefined)?.classifier?.kind;
  const words: Record<string, string> = { svm: 'SVM', logistic: 'logistic regression', knn: 'k-NN' };
  return `Features · ${words[classifier ?? ''] ?? 'classifier'}`;
}
