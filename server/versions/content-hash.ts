import { createHash } from 'node:crypto';
import { canonicalJson } from '@/engine/graph/canonical-json';

/** SHA-256 (hex) of the canonical JSON: the key a graph's content is stored under. */
export function contentHash(value: unknown): { hash: string; json: string } {
  const json = canonicalJson(value);
  return { hash: hashOfJson(json), json };
}

/** SHA-256 (hex) of canonical JSON text already made. */
export function hashOfJson(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}
