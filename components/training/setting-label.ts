import { labelOf } from '@/components/forms/describe-schema';

/** Words for the settings every run has besides its training settings. */
const FIXED: Record<string, string> = {
  version: 'Version',
  dataset: 'Dataset',
  place: 'Trained',
  backend: 'Backend',
};

/** Prefixes of nested settings, in words. */
const GROUPS: Record<string, string> = {
  augmentation: 'Augmentation',
  units: 'Units of',
  schedule: 'Schedule',
  earlyStopping: 'Early stopping',
  fineTuning: 'Fine-tuning',
};

/**
 * A flattened setting key (see `flattenSettings`) as people read it: `learningRate` → "Learning rate",
 * `schedule.kind` → "Schedule: kind", `units.d1` → "Units of d1". The key itself stays the row's
 * identity; only the label is shown, because table headers are set in capitals and a camel-case key
 * would read as `LEARNINGRATE`.
 *
 * @example
 * settingLabel('augmentation.rotation'); // "Augmentation: rotation"
 */
export function settingLabel(key: string, layerNames: Record<string, string> = {}): string {
  if (FIXED[key]) return FIXED[key];
  const [head = '', ...rest] = key.split('.');
  if (rest.length === 0) return labelOf(head);
  if (head === 'units') return `${GROUPS.units} ${layerNames[rest.join('.')] ?? rest.join('.')}`;
  const group = GROUPS[head] ?? labelOf(head);
  return `${group}: ${rest.map((part) => labelOf(part).toLowerCase()).join(' ')}`;
}
