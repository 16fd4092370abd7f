import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STAGING_PREFIX } from '@/server/datasets/ingest/staging';

/** An upload is read in minutes; a staging folder this old belongs to a process that died mid-upload. */
export const STALE_STAGING_MS = 60 * 60 * 1000;

/**
 * Removes staging folders left in the temp dir by uploads whose server was killed before it could
 * clean up (a normal end, even a refused upload, removes its own). Run when the web server starts;
 * folders younger than an hour may belong to another server process on this machine and stay.
 *
 * @returns the folders removed.
 */
export async function cleanStaleStaging(dir = tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(STAGING_PREFIX)) continue;
    const full = path.join(dir, entry.name);
    const info = await stat(full).catch(() => null);
    if (!info || now - info.mtimeMs < STALE_STAGING_MS) continue;
    await rm(full, { recursive: true, force: true });
    removed.push(full);
  }
  return removed;
}
