/**
 * JSON texts already at hand for objects that answers carry. A version's graph is kept with its
 * canonical JSON (content-cache.ts), so an answer holding it can embed that text instead of
 * serializing a thousand-layer document again on every load. Keyed by the object itself: an
 * object that was never remembered, or one built anew, is serialized as usual.
 */
const texts = new WeakMap<object, string>();

/** Remembers that `value` serializes to `text` (valid JSON of the same value); the value must not change afterwards. */
export function rememberJsonText(value: object, text: string): void {
  texts.set(value, text);
}

/**
 * JSON.stringify of an answer, with the remembered text of any of its top-level fields spliced in.
 * Only the top level is looked at: that is where answers carry their documents, and a deeper walk
 * would cost every other answer a visit of each value.
 *
 * @example
 * rememberJsonText(graph, canonicalJson(graph));
 * stringifyAnswer({ number: 3, graph }); // '{"number":3,"graph":<the remembered text>}'
 */
export function stringifyAnswer(data: unknown): string {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return JSON.stringify(data);
  const entries = Object.entries(data);
  if (!entries.some(([, value]) => typeof value === 'object' && value !== null && texts.has(value))) return JSON.stringify(data);
  const fields: string[] = [];
  for (const [key, value] of entries) {
    const known = typeof value === 'object' && value !== null ? texts.get(value) : undefined;
    const text = known ?? JSON.stringify(value);
    // As JSON.stringify does: a field whose value has no JSON form (undefined, a function) is left out.
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${fields.join(',')}}`;
}
