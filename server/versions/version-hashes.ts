/**
 * The content hash of each (project, version number) this process has saved or loaded. A version
 * never changes once written, so what is remembered stays true; a save looks its parent up here to
 * find the parent's cached graph (content-cache.ts) without asking the database.
 */
const LIMIT = 100_000;
const hashes = new Map<string, string>();

const key = (projectId: string, number: number) => `${projectId}#${number}`;

export function rememberVersionHash(projectId: string, number: number, hash: string): void {
  const k = key(projectId, number);
  if (hashes.has(k)) return;
  hashes.set(k, hash);
  if (hashes.size > LIMIT) hashes.delete(hashes.keys().next().value as string);
}

export function knownVersionHash(projectId: string, number: number): string | undefined {
  return hashes.get(key(projectId, number));
}
