import { createHash } from 'node:crypto';

/** JSON with object keys in sorted order at every level, so equal documents give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
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

/** SHA-256 (hex) of the canonical JSON: the key a graph's content is stored under. */
export function contentHash(value: unknown): { hash: string; json: string } {
  const json = canonicalJson(value);
  return { hash: createHash('sha256').update(json).digest('hex'), json };
}
