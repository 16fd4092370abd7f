/** What sets runs apart: their settings flattened to `key → text`, and the keys whose values differ. */

export interface ComparableRun {
  id: string;
  versionNumber: number;
  dataset: string;
  place: string;
  backend: string | null;
  config: Record<string, unknown>;
}

/** A run's settings as flat `key → text` pairs (`training.learningRate`, `augmentation.rotation`, `units.d1`…). */
export function flattenSettings(run: ComparableRun): Record<string, string> {
  const out: Record<string, string> = {
    version: `v${run.versionNumber}`,
    dataset: run.dataset,
    place: run.place,
    backend: run.backend ?? '–',
  };
  const visit = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(prefix ? `${prefix}.${k}` : k, v);
    } else if (value !== undefined) {
      out[prefix] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  };
  const { training, augmentation, units, features } = run.config as {
    training?: unknown;
    augmentation?: unknown;
    units?: unknown;
    features?: unknown;
  };
  visit('', training ?? {});
  if (augmentation) visit('augmentation', augmentation);
  if (units) visit('units', units);
  if (features) visit('features', features);
  return out;
}

/**
 * Rows for a comparison table: every setting any of the runs has, each with one value per run and
 * whether they differ. With `onlyDifferent`, the rows where all runs agree are left out.
 */
export function settingsDiff(runs: ComparableRun[], onlyDifferent = true): { key: string; values: string[]; differs: boolean }[] {
  const flat = runs.map(flattenSettings);
  const keys = [...new Set(flat.flatMap((f) => Object.keys(f)))];
  return keys
    .map((key) => {
      const values = flat.map((f) => f[key] ?? '–');
      return { key, values, differs: new Set(values).size > 1 };
    })
    .filter((row) => !onlyDifferent || row.differs);
}
