/**
 * A copy of `target` with the value at a dotted path set (`undefined` deletes it), creating the
 * objects on the way; the objects off the path keep their identity.
 *
 * @example
 * setIn({ layer: { type: 'lstm', params: {} } }, 'layer.params.units', 8) // { layer: { type: 'lstm', params: { units: 8 } } }
 */
export function setIn(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head = '', ...rest] = path.split('.');
  const next = { ...target };
  if (rest.length === 0) {
    if (value === undefined) delete next[head];
    else next[head] = value;
    return next;
  }
  const child = target[head];
  const base = typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  next[head] = setIn(base, rest.join('.'), value);
  return next;
}
