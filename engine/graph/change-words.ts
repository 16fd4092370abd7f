import type { FieldChange, GraphDiff } from './diff';

/**
 * A setting's key in words: `kernelSize` → "Kernel size", `l2` → "L2", `learningRate` → "Learning rate".
 *
 * @example
 * keyWords('kernelSize'); // 'Kernel size'
 */
export function keyWords(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Document fields under other names than their keys. */
const FIELD_NAMES: Record<string, string> = { groupId: 'Group', name: 'Name', type: 'Layer type', trainable: 'Trainable' };

/**
 * A changed field's dotted path in words, without the `params.`/`training.` prefix the document
 * stores it under: `params.kernelRegularizer.l2` → "Kernel regularizer › L2".
 */
export function pathWords(path: string): string {
  const parts = path.split('.');
  if (parts.length > 1 && (parts[0] === 'params' || parts[0] === 'training')) parts.shift();
  return parts.map((p, i) => (i === 0 && FIELD_NAMES[p] && parts.length === 1 ? FIELD_NAMES[p] : keyWords(p))).join(' › ');
}

/** A value as a person reads it: sizes as `3, 3`, `null` as None (as Keras prints it), text without quotes. */
export function valueWords(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map(valueWords).join(', ');
  return JSON.stringify(value);
}

/**
 * One field change as a line: "Units: 120 → 100", "Dropout rate: set to 0.5", "Bias: removed (was yes)".
 *
 * @example
 * changeWords({ path: 'params.units', kind: 'changed', before: 120, after: 100 }); // 'Units: 120 → 100'
 */
export function changeWords(change: FieldChange): string {
  const field = pathWords(change.path);
  if (change.kind === 'added') return `${field}: set to ${valueWords(change.after)}`;
  if (change.kind === 'removed') return `${field}: back to its default (was ${valueWords(change.before)})`;
  return `${field}: ${valueWords(change.before)} → ${valueWords(change.after)}`;
}

const counted = (n: number, one: string, many: string, what: string) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many} ${what}`]);

/**
 * A diff's totals in words, layers and connections counted apart: "1 layer added · 1 layer changed ·
 * 2 connections added". Settings and groups are counted as "settings" lines.
 */
export function summaryWords(summary: GraphDiff['summary']): string {
  if (summary.identical) return 'No differences';
  const { layers, connections } = summary;
  const other =
    summary.changed -
    layers.changed +
    (summary.added - layers.added - connections.added) +
    (summary.removed - layers.removed - connections.removed);
  return [
    ...counted(layers.added, 'layer', 'layers', 'added'),
    ...counted(layers.removed, 'layer', 'layers', 'removed'),
    ...counted(layers.changed, 'layer', 'layers', 'changed'),
    ...counted(layers.moved, 'layer', 'layers', 'only moved'),
    ...counted(connections.added, 'connection', 'connections', 'added'),
    ...counted(connections.removed, 'connection', 'connections', 'removed'),
    ...counted(other, 'other change', 'other changes', '(settings, groups)'),
  ].join(' · ');
}
