import { canonicalJson } from '../../../engine/graph/canonical-json';

/**
 * A cheap, synchronous fingerprint of a document's content for the unsaved-changes marker. Keys are
 * sorted at every level (like the server's canonical JSON), so two documents with the same content
 * get the same hash whatever order their keys were written in. Not cryptographic: it only has to tell
 * "what was saved" from "what is on screen" in one tab.
 */
export function contentHash(value: unknown): string {
  return cyrb53(canonicalJson(value));
}

const itemHashes = new WeakMap<object, string>();

/**
 * The content hash of a graph document, computed piecewise: each node and edge is hashed once per
 * object and remembered, so after an edit only the changed items are serialized again (a drag on a
 * large graph stays cheap). Equal content gives an equal hash, whatever the objects' identity.
 */
export function graphContentHash(doc: { nodes: readonly object[]; edges: readonly object[] }): string {
  const { nodes, edges, ...rest } = doc;
  const item = (value: object) => {
    let hash = itemHashes.get(value);
    if (hash === undefined) {
      hash = contentHash(value);
      itemHashes.set(value, hash);
    }
    return hash;
  };
  return cyrb53(`${canonicalJson(rest)}|${nodes.map(item).join(',')}|${edges.map(item).join(',')}`);
}

/** `true` when both values serialize to the same canonical JSON. */
export function sameContent(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** cyrb53 (public domain): a fast 53-bit string hash with good spread, as 14 hex digits. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}
