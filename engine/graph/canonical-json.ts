/**
 * JSON with object keys in sorted order at every level and `undefined` members left out, so equal
 * content gives equal text whatever order its keys were written in. The server stores graph content
 * under the hash of this text; the editor compares documents by it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * `canonicalJson(doc)` of a graph document whose nodes' and edges' canonical texts are already
 * known (one per item, in order): the same text, without walking the items again.
 *
 * @example
 * canonicalDocJson(doc, doc.nodes.map(canonicalJson), doc.edges.map(canonicalJson)) === canonicalJson(doc) // true
 */
export function canonicalDocJson(doc: object, nodeTexts: readonly string[], edgeTexts: readonly string[]): string {
  const members: string[] = [];
  for (const key of Object.keys(doc).sort()) {
    const value = (doc as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const text = key === 'nodes' ? `[${nodeTexts.join(',')}]` : key === 'edges' ? `[${edgeTexts.join(',')}]` : canonicalJson(value);
    members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
