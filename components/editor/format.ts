/**
 * Number formatting shared by the node faces, the summary table and the budget: fixed English
 * grouping so server and client render the same text.
 */

const grouped = new Intl.NumberFormat('en-US');

/** `61706` → `61,706`; `null` → `?`. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '?' : grouped.format(n);
}

/** `61706` → `61.7K`, `2619461` → `2.62M`: short enough for a node face. */
export function formatCompact(n: number | null | undefined): string {
  if (n === null || n === undefined) return '?';
  const abs = Math.abs(n);
  if (abs < 1000) return String(n);
  const [value, unit] = abs < 1e6 ? [n / 1e3, 'K'] : abs < 1e9 ? [n / 1e6, 'M'] : [n / 1e9, 'B'];
  return `${trim(value)}${unit}`;
}

/** Bytes in binary units: `1536` → `1.5 KB`, `2.4e9` → `2.24 GB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '?';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : trim(value)} ${units[unit]}`;
}

/** Floating-point operations: `4.3e6` → `4.3 MFLOPs`. */
export function formatFlops(flops: number): string {
  if (!Number.isFinite(flops)) return '?';
  const units: [number, string][] = [
    [1e12, 'TFLOPs'],
    [1e9, 'GFLOPs'],
    [1e6, 'MFLOPs'],
    [1e3, 'KFLOPs'],
  ];
  for (const [size, unit] of units) if (Math.abs(flops) >= size) return `${trim(flops / size)} ${unit}`;
  return `${flops} FLOPs`;
}

/** Three significant digits at most, no trailing zeros: 2.50 → 2.5, 123.4 → 123. */
function trim(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}
