/** Table cells that mean "no value" (compared trimmed and lower-case), for the CSV preview and upload alike. */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-']);

export function isMissingCell(raw: string): boolean {
  return MISSING.has(raw.trim().toLowerCase());
}

/** True when a cell reads as a finite number (or is missing). */
export function isNumericCell(raw: string): boolean {
  return isMissingCell(raw) || Number.isFinite(Number(raw.trim()));
}
