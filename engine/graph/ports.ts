/**
 * Port handles name the slots of a node: inputs `in:0`, `in:1`…, outputs `out:0`, `out:1`…
 * An edge without a handle uses output 0 and the next free input in edge order.
 */
export const inputHandle = (index: number): string => `in:${index}`;
export const outputHandle = (index: number): string => `out:${index}`;

/** The slot index of a handle such as `in:2`; `null` for no handle, `NaN` for one that is malformed. */
export function handleIndex(handle: string | undefined, prefix: 'in' | 'out'): number | null {
  if (handle === undefined || handle === prefix) return null;
  const match = /^(in|out):(\d{1,4})$/.exec(handle);
  if (!match || match[1] !== prefix) return Number.NaN;
  return Number(match[2]);
}
